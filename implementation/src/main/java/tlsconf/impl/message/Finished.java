package tlsconf.impl.message;

import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.impl.codec.TlsWriter;

/**
 * Finished (RFC 8446 §4.4.4). Its length is Hash.length, known only to the handshake: a wrong length is checked
 * there ({@code decode_error}); the decoder takes the body as it is.
 */
public record Finished(byte[] verifyData) implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.bytes(verifyData);
    }

    public static Finished decode(byte[] body) {
        return new Finished(body.clone());
    }
}
