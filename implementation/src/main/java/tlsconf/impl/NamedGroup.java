package tlsconf.impl;

import java.util.Optional;

/** Key exchange groups (RFC 8446 §4.2.7) with their key_share sizes (§4.2.8.2). */
public enum NamedGroup {
    X25519(0x001d, 32),
    SECP256R1(0x0017, 65),
    SECP384R1(0x0018, 97),
    X448(0x001e, 56);

    private final int code;
    private final int shareLength;

    NamedGroup(int code, int shareLength) {
        this.code = code;
        this.shareLength = shareLength;
    }

    public int code() {
        return code;
    }

    /** Length of a valid key_exchange value for this group. */
    public int shareLength() {
        return shareLength;
    }

    public static Optional<NamedGroup> fromCode(int code) {
        for (NamedGroup g : values()) {
            if (g.code == code) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
