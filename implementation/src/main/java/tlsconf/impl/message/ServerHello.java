package tlsconf.impl.message;

import java.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** ServerHello and HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4): the latter is a ServerHello with a special random. */
public record ServerHello(int legacyVersion, byte[] random, byte[] legacySessionIdEcho, int cipherSuite,
        int compressionMethod, Extensions extensions) implements HandshakeMessage {

    /** SHA-256("HelloRetryRequest"), the random of every HelloRetryRequest (RFC 8446 §4.1.3). */
    public static final byte[] HRR_RANDOM = Hex.decode(
            "CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");
    /** Last 8 bytes of ServerHello.random from a TLS 1.3 server negotiating TLS 1.2 / below (RFC 8446 §4.1.3). */
    public static final byte[] DOWNGRADE_TLS12 = Hex.decode("444F574E47524401");
    public static final byte[] DOWNGRADE_TLS11 = Hex.decode("444F574E47524400");

    public boolean isHelloRetryRequest() {
        return Arrays.equals(random, HRR_RANDOM);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.u16(legacyVersion).bytes(random).vector(1, legacySessionIdEcho).u16(cipherSuite).u8(compressionMethod);
        extensions.write(w);
    }

    public static ServerHello decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "ServerHello");
        int version = r.u16("legacy_version");
        byte[] random = r.bytes(32, "random");
        byte[] sid = r.vector(1, 0, 32, "legacy_session_id_echo");
        int suite = r.u16("cipher_suite");
        int compression = r.u8("legacy_compression_method");
        Extensions ext = r.hasRemaining() ? Extensions.read(r, "ServerHello") : Extensions.NONE;
        r.end();
        return new ServerHello(version, random, sid, suite, compression, ext);
    }
}
