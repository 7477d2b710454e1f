package tlsconf.impl.tls12.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * ClientKeyExchange (RFC 5246 §7.4.7): its body depends on the negotiated key exchange, so decoding takes it.
 * RSA: EncryptedPreMasterSecret {@code opaque<0..2^16-1>} (§7.4.7.1); ECDHE: the client's point {@code
 * opaque<1..2^8-1>} (RFC 8422 §5.7).
 */
public record ClientKeyExchange(boolean rsa, byte[] exchange) implements Tls12Message {
    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.vector(rsa ? 2 : 1, exchange);
    }

    public static ClientKeyExchange decode(byte[] body, boolean rsa) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "ClientKeyExchange");
        byte[] x = rsa ? r.vector(2, 0, 0xffff, "EncryptedPreMasterSecret") : r.vector(1, 1, 0xff, "ecdh_Yc");
        r.end();
        return new ClientKeyExchange(rsa, x);
    }
}
