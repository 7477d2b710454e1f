package tlsconf.impl.tls12;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.Extensions;

/** Byte-level edits of an encoded ClientHello for test peers (decode, change one extension, re-encode). */
final class Rewrites {
    private Rewrites() {
    }

    private static ClientHello decode(byte[] encoded) {
        try {
            return ClientHello.decode(java.util.Arrays.copyOfRange(encoded, 4, encoded.length));
        } catch (TlsAlertException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] encode(ClientHello ch, Extensions ext) {
        return new ClientHello(ch.legacyVersion(), ch.random(), ch.legacySessionId(), ch.cipherSuites(),
                ch.compressionMethods(), ext).encode();
    }

    static byte[] withoutExtension(byte[] encoded, int code) {
        ClientHello ch = decode(encoded);
        java.util.List<Extension> l = new java.util.ArrayList<>(ch.extensions().list());
        l.removeIf(e -> e.code() == code);
        return encode(ch, new Extensions(l));
    }

    static byte[] replaceExtension(byte[] encoded, int code, byte[] data) {
        ClientHello ch = decode(encoded);
        java.util.List<Extension> l = new java.util.ArrayList<>();
        for (Extension e : ch.extensions().list()) {
            l.add(e.code() == code ? new Extension(code, data) : e);
        }
        return encode(ch, new Extensions(l));
    }
}
