package tlsconf.impl.tls12.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** ServerHelloDone (RFC 5246 §7.4.5): empty. */
public record ServerHelloDone() implements Tls12Message {
    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO_DONE;
    }

    @Override
    public void writeBody(TlsWriter w) {
    }

    public static ServerHelloDone decode(byte[] body) throws TlsAlertException {
        new TlsReader(body, "ServerHelloDone").end();
        return new ServerHelloDone();
    }
}
