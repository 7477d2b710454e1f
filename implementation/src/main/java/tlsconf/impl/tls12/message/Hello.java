package tlsconf.impl.tls12.message;

import tlsconf.impl.codec.TlsWriter;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.HandshakeMessage;
import tlsconf.impl.message.ServerHello;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * ClientHello or ServerHello (RFC 5246 §7.4.1.2, §7.4.1.3): the wire form is the one TLS 1.3 kept (RFC 8446 §4.1.2),
 * so the codec of {@code tlsconf.impl.message} is reused rather than written twice.
 */
public record Hello(HandshakeMessage message) implements Tls12Message {
    public Hello {
        if (!(message instanceof ClientHello) && !(message instanceof ServerHello)) {
            throw new IllegalArgumentException("not a hello: " + message.type());
        }
    }

    @Override
    public HandshakeType type() {
        return message.type();
    }

    @Override
    public void writeBody(TlsWriter w) {
        message.writeBody(w);
    }
}
