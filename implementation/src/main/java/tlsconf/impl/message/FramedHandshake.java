package tlsconf.impl.message;

import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * What a handshake message of either version has (RFC 8446 §4, RFC 5246 §7.4): a type and a body, written with the
 * 4-byte header (type, 24-bit length) that both versions put in front and that enters the transcript.
 */
public interface FramedHandshake {
    HandshakeType type();

    void writeBody(TlsWriter w);

    /** The whole message: header and body. */
    default byte[] encode() {
        TlsWriter w = new TlsWriter(512);
        w.u8(type().code());
        w.vector(3, this::writeBody);
        return w.toByteArray();
    }
}
