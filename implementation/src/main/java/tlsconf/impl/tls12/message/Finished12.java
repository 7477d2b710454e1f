package tlsconf.impl.tls12.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** Finished (RFC 5246 §7.4.9): verify_data of exactly 12 bytes for every suite we implement. */
public record Finished12(byte[] verifyData) implements Tls12Message {
    public static final int LENGTH = 12;

    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.bytes(verifyData);
    }

    public static Finished12 decode(byte[] body) throws TlsAlertException {
        if (body.length != LENGTH) {
            throw Violation.BAD_FINISHED_LENGTH.alert("Finished of " + body.length + " bytes, expected " + LENGTH);
        }
        return new Finished12(body.clone());
    }
}
