package tlsconf.conformance.check.family;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.PeerVerifier;
import tlsconf.impl.RandomSource;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsEngine;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Every length field of the test peer's TLS 1.3 ClientHello (RFC 8446 §4.1.2 and the extensions of §4.2), so a
 * check can make each one lie by one byte in each direction. The ClientHello is the one our reference client
 * sends with the peer's settings, built here when scenarios are generated; a scenario carries the whole changed
 * body, so it replays without this class.
 */
final class HelloLengths {
    /** One length field: where it is in the body, how many bytes it has, what it says. */
    record Field(String name, int offset, int size, int value) {
        /** The body with this field changed by {@code delta}; null when the new value does not fit the field. */
        byte[] apply(byte[] body, int delta) {
            int v = value + delta;
            if (v < 0 || v >= 1 << (8 * size)) {
                return null;
            }
            byte[] out = body.clone();
            for (int i = 0; i < size; i++) {
                out[offset + i] = (byte) (v >>> (8 * (size - 1 - i)));
            }
            return out;
        }
    }

    private static final int SERVER_NAME = 0;
    private static final int SUPPORTED_GROUPS = 10;
    private static final int SIGNATURE_ALGORITHMS = 13;
    private static final int SUPPORTED_VERSIONS = 43;
    private static final int KEY_SHARE = 51;

    private HelloLengths() {
    }

    /** The body (without the 4-byte handshake header) of the peer's TLS 1.3 ClientHello for {@code serverName}. */
    static byte[] peerClientHello(String serverName) {
        TlsConfig config = TlsConfig.builder(Role.CLIENT).versions(TlsVersion.TLS_1_3)
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).peerVerifier(PeerVerifier.acceptAny())
                .random(RandomSource.deterministic(0x68656c6cL)).serverName(serverName).build();
        byte[] record = TlsEngine.create(config).takeOutgoing();
        // One plaintext record (5-byte header) holding one handshake message (4-byte header).
        return java.util.Arrays.copyOfRange(record, 5 + 4, record.length);
    }

    /** The length fields of a ClientHello body, in wire order; throws when the body does not parse. */
    static List<Field> of(byte[] body) {
        List<Field> out = new ArrayList<>();
        int p = 2 + 32;
        out.add(field(body, "legacy_session_id length", p, 1));
        p += 1 + u8(body, p);
        out.add(field(body, "cipher_suites length", p, 2));
        p += 2 + u16(body, p);
        out.add(field(body, "legacy_compression_methods length", p, 1));
        p += 1 + u8(body, p);
        out.add(field(body, "extensions length", p, 2));
        int end = p + 2 + u16(body, p);
        p += 2;
        if (end != body.length) {
            throw new IllegalArgumentException("the extensions do not end the ClientHello");
        }
        while (p < end) {
            int type = u16(body, p);
            int len = u16(body, p + 2);
            String name = "extension " + type;
            out.add(field(body, name + " length", p + 2, 2));
            int data = p + 4;
            switch (type) {
                case SERVER_NAME -> {
                    out.add(field(body, name + ": server_name_list length", data, 2));
                    out.add(field(body, name + ": host_name length", data + 3, 2));
                }
                case SUPPORTED_GROUPS -> out.add(field(body, name + ": named_group_list length", data, 2));
                case SIGNATURE_ALGORITHMS -> out.add(field(body, name + ": supported_signature_algorithms length",
                        data, 2));
                case SUPPORTED_VERSIONS -> out.add(field(body, name + ": versions length", data, 1));
                case KEY_SHARE -> {
                    out.add(field(body, name + ": client_shares length", data, 2));
                    out.add(field(body, name + ": key_exchange length", data + 4, 2));
                }
                default -> {
                    // An extension of no known inner structure: its own length field only.
                }
            }
            p = data + len;
        }
        return out;
    }

    private static Field field(byte[] body, String name, int offset, int size) {
        if (offset + size > body.length) {
            throw new IllegalArgumentException(name + " lies outside the ClientHello");
        }
        return new Field(name, offset, size, size == 1 ? u8(body, offset) : u16(body, offset));
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
