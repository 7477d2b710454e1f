package tlsconf.conformance.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tlsconf.impl.message.ExtensionType;

/**
 * The length fields of a TLS 1.3 ClientHello body (RFC 8446 §4.1.2 and the vectors inside the extensions of §4.2 a
 * peer must parse: server_name of RFC 6066 §3, supported_groups, signature_algorithms, supported_versions,
 * key_share), each named by the field it measures, so a mutation can make one lie and say which one it changed.
 */
public final class LengthFields {
    /** One length field: its name ({@code cipher_suites length}), where it is, how many bytes, what it says. */
    public record Field(String name, int offset, int size, int value) {
        /** The body with this field changed by {@code delta}; null when the new value does not fit the field. */
        public byte[] apply(byte[] body, int delta) {
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

    private LengthFields() {
    }

    /** The length fields of a ClientHello body, in wire order; throws when the body does not parse. */
    public static List<Field> clientHello(byte[] body) {
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
            ExtensionType known = ExtensionType.of(type);
            String name = known == ExtensionType.UNKNOWN ? "extension " + type
                    : known.name().toLowerCase(Locale.ROOT);
            out.add(field(body, name + " extension length", p + 2, 2));
            int data = p + 4;
            switch (known) {
                case SERVER_NAME -> {
                    out.add(field(body, name + ".server_name_list length", data, 2));
                    out.add(field(body, name + ".host_name length", data + 3, 2));
                }
                case SUPPORTED_GROUPS -> out.add(field(body, name + ".named_group_list length", data, 2));
                case SIGNATURE_ALGORITHMS -> out.add(field(body, name + ".supported_signature_algorithms length",
                        data, 2));
                case SUPPORTED_VERSIONS -> out.add(field(body, name + ".versions length", data, 1));
                case KEY_SHARE -> {
                    out.add(field(body, name + ".client_shares length", data, 2));
                    out.add(field(body, name + ".key_exchange length", data + 4, 2));
                }
                default -> {
                    // An extension of no inner structure we change: its own length field only.
                }
            }
            p = data + len;
        }
        return out;
    }

    /** The field called {@code name} in {@code body}; throws when the body has none. */
    public static Field find(byte[] body, String name) {
        return clientHello(body).stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("the ClientHello has no field '" + name + "'"));
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
