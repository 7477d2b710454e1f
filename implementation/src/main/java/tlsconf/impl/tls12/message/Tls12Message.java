package tlsconf.impl.tls12.message;

import tlsconf.impl.message.FramedHandshake;

/**
 * A TLS 1.2 handshake message (RFC 5246 §7.4): one immutable record per message with a static {@code decode(body)}
 * beside it. ClientHello and ServerHello share their codec with TLS 1.3 ({@link Hello}). {@link #encode()} gives the
 * whole message with its 4-byte header: the bytes that enter handshake_messages.
 */
public sealed interface Tls12Message extends FramedHandshake permits Hello, HelloRequest, Certificate12,
        ServerKeyExchange, CertificateRequest12, ServerHelloDone, ClientKeyExchange, CertificateVerify12, Finished12,
        NewSessionTicket12 {
}
