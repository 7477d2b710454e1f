package tlsconf.impl.message;

import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * A TLS 1.3 handshake message (RFC 8446 §4): one immutable record per message, encoding beside it and a static
 * {@code decode(byte[] body)} on each. {@link #encode()} gives the whole message with its 4-byte header, the bytes
 * that enter the transcript.
 */
public sealed interface HandshakeMessage permits ClientHello, ServerHello, EncryptedExtensions, CertificateRequest,
        CertificateMessage, CertificateVerify, Finished, NewSessionTicket, EndOfEarlyData, KeyUpdate {

    HandshakeType type();

    void writeBody(TlsWriter w);

    default byte[] encode() {
        TlsWriter w = new TlsWriter(512);
        w.u8(type().code());
        w.vector(3, this::writeBody);
        return w.toByteArray();
    }
}
