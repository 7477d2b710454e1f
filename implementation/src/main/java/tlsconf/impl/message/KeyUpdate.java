package tlsconf.impl.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** KeyUpdate (RFC 8446 §4.6.3); request_update other than 0 or 1 is {@code illegal_parameter}. */
public record KeyUpdate(boolean updateRequested) implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.KEY_UPDATE;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.u8(updateRequested ? 1 : 0);
    }

    public static KeyUpdate decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "KeyUpdate");
        int v = r.u8("request_update");
        r.end();
        if (v > 1) {
            throw Violation.BAD_KEY_UPDATE.alert("KeyUpdate request_update = " + v);
        }
        return new KeyUpdate(v == 1);
    }
}
