package tlsconf.impl.message;

import java.util.Optional;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * One complete handshake message as received: its msg_type byte, its body and the raw bytes (header included) that
 * go into the transcript exactly as they arrived.
 */
public record HandshakeFrame(int typeCode, byte[] body, byte[] raw) {
    public Optional<HandshakeType> type() {
        return HandshakeType.fromCode(typeCode);
    }

    public String typeName() {
        return type().map(HandshakeType::rfcName).orElse("handshake type " + typeCode);
    }

    /** Decodes the body as the message its type says; an unknown type is {@code unexpected_message} (§4). */
    public HandshakeMessage decode() throws TlsAlertException {
        HandshakeType t = type().orElseThrow(
                () -> Violation.UNKNOWN_HANDSHAKE_TYPE.alert("unknown handshake type " + typeCode));
        switch (t) {
            case CLIENT_HELLO:
                return ClientHello.decode(body);
            case SERVER_HELLO:
                return ServerHello.decode(body);
            case ENCRYPTED_EXTENSIONS:
                return EncryptedExtensions.decode(body);
            case CERTIFICATE_REQUEST:
                return CertificateRequest.decode(body);
            case CERTIFICATE:
                return CertificateMessage.decode(body);
            case CERTIFICATE_VERIFY:
                return CertificateVerify.decode(body);
            case FINISHED:
                return Finished.decode(body);
            case NEW_SESSION_TICKET:
                return NewSessionTicket.decode(body);
            case END_OF_EARLY_DATA:
                return EndOfEarlyData.decode(body);
            case KEY_UPDATE:
                return KeyUpdate.decode(body);
            default:
                // TLS 1.2-only and pseudo types have no TLS 1.3 body.
                throw Violation.UNEXPECTED_MESSAGE.alert(t.rfcName() + " is not a TLS 1.3 message");
        }
    }
}
