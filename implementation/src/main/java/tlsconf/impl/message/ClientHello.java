package tlsconf.impl.message;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** ClientHello (RFC 8446 §4.1.2). Cipher suites are kept as wire numbers: unknown ones must survive decoding. */
public record ClientHello(int legacyVersion, byte[] random, byte[] legacySessionId, List<Integer> cipherSuites,
        byte[] compressionMethods, Extensions extensions) implements HandshakeMessage {

    public ClientHello {
        cipherSuites = List.copyOf(cipherSuites);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.u16(legacyVersion).bytes(random).vector(1, legacySessionId);
        w.vector(2, b -> cipherSuites.forEach(b::u16));
        w.vector(1, compressionMethods);
        extensions.write(w);
    }

    public static ClientHello decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "ClientHello");
        int version = r.u16("legacy_version");
        byte[] random = r.bytes(32, "random");
        byte[] sid = r.vector(1, 0, 32, "legacy_session_id");
        TlsReader suites = r.sub(2, 2, 0xfffe, "cipher_suites");
        List<Integer> list = new ArrayList<>();
        while (suites.hasRemaining()) {
            list.add(suites.u16("cipher_suite"));
        }
        byte[] compression = r.vector(1, 1, 0xff, "legacy_compression_methods");
        // RFC 8446 §4.1.2: a ClientHello without extensions is a TLS 1.2 hello; we still decode it.
        Extensions ext = r.hasRemaining() ? Extensions.read(r, "ClientHello") : Extensions.NONE;
        r.end();
        return new ClientHello(version, random, sid, list, compression, ext);
    }
}
