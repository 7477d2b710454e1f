package tlsconf.impl.message;

/**
 * A TLS 1.3 handshake message (RFC 8446 §4): one immutable record per message, encoding beside it and a static
 * {@code decode(byte[] body)} on each. {@link #encode()} gives the whole message with its 4-byte header, the bytes
 * that enter the transcript ({@link FramedHandshake}, shared with TLS 1.2).
 */
public sealed interface HandshakeMessage extends FramedHandshake permits ClientHello, ServerHello,
        EncryptedExtensions, CertificateRequest, CertificateMessage, CertificateVerify, Finished, NewSessionTicket,
        EndOfEarlyData, KeyUpdate {
}
