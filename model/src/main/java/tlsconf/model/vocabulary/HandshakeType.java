package tlsconf.model.vocabulary;

import java.util.Optional;

/**
 * HandshakeType values of RFC 8446 §4 and RFC 5246 §7.4.
 *
 * <p>HelloRetryRequest is no wire type of its own: it is a ServerHello whose random is the special value of
 * RFC 8446 §4.1.3. It is listed here because the model and the observers treat it as a distinct message kind;
 * its {@link #code()} is that of ServerHello.
 */
public enum HandshakeType {
    HELLO_REQUEST(0, "HelloRequest"),
    CLIENT_HELLO(1, "ClientHello"),
    SERVER_HELLO(2, "ServerHello"),
    HELLO_RETRY_REQUEST(2, "HelloRetryRequest"),
    NEW_SESSION_TICKET(4, "NewSessionTicket"),
    END_OF_EARLY_DATA(5, "EndOfEarlyData"),
    ENCRYPTED_EXTENSIONS(8, "EncryptedExtensions"),
    CERTIFICATE(11, "Certificate"),
    SERVER_KEY_EXCHANGE(12, "ServerKeyExchange"),
    CERTIFICATE_REQUEST(13, "CertificateRequest"),
    SERVER_HELLO_DONE(14, "ServerHelloDone"),
    CERTIFICATE_VERIFY(15, "CertificateVerify"),
    CLIENT_KEY_EXCHANGE(16, "ClientKeyExchange"),
    FINISHED(20, "Finished"),
    CERTIFICATE_STATUS(22, "CertificateStatus"),
    KEY_UPDATE(24, "KeyUpdate"),
    MESSAGE_HASH(254, "message_hash");

    private final int code;
    private final String rfcName;

    HandshakeType(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** The msg_type byte on the wire. */
    public int code() {
        return code;
    }

    /** The name as the RFCs spell it (ClientHello, EncryptedExtensions, ...). */
    public String rfcName() {
        return rfcName;
    }

    /**
     * The handshake type for a msg_type byte, or empty for a value tlsconf does not know (an unknown type is
     * {@code unexpected_message}, RFC 8446 §4). Code 2 maps to {@link #SERVER_HELLO}; telling a
     * HelloRetryRequest apart needs the random.
     */
    public static Optional<HandshakeType> fromCode(int code) {
        for (HandshakeType t : values()) {
            if (t.code == code && t != HELLO_RETRY_REQUEST) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
