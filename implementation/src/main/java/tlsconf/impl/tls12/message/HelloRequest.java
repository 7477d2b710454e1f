package tlsconf.impl.tls12.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** HelloRequest (RFC 5246 §7.4.1.1): empty; never part of handshake_messages. */
public record HelloRequest() implements Tls12Message {
    @Override
    public HandshakeType type() {
        return HandshakeType.HELLO_REQUEST;
    }

    @Override
    public void writeBody(TlsWriter w) {
    }

    public static HelloRequest decode(byte[] body) throws TlsAlertException {
        new TlsReader(body, "HelloRequest").end();
        return new HelloRequest();
    }
}
