package tlsconf.impl.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** EndOfEarlyData (RFC 8446 §4.5): an empty body. */
public record EndOfEarlyData() implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.END_OF_EARLY_DATA;
    }

    @Override
    public void writeBody(TlsWriter w) {
    }

    public static EndOfEarlyData decode(byte[] body) throws TlsAlertException {
        new TlsReader(body, "EndOfEarlyData").end();
        return new EndOfEarlyData();
    }
}
