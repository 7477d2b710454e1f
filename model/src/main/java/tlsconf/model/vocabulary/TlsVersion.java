package tlsconf.model.vocabulary;

import java.util.Optional;

/** The protocol versions tlsconf models and implements, with their wire codes (RFC 8446 §4.2.1, RFC 5246 §6.2.1). */
public enum TlsVersion {
    TLS_1_2(0x0303, "1.2"),
    TLS_1_3(0x0304, "1.3");

    private final int code;
    private final String label;

    TlsVersion(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The two-byte ProtocolVersion value. */
    public int code() {
        return code;
    }

    /** "1.2" or "1.3", as on the command line. */
    public String label() {
        return label;
    }

    public static Optional<TlsVersion> fromCode(int code) {
        for (TlsVersion v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Parses "1.2" or "1.3"; anything else is an {@link IllegalArgumentException} naming the accepted values. */
    public static TlsVersion fromLabel(String label) {
        for (TlsVersion v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown TLS version '" + label + "' (expected 1.2 or 1.3)");
    }
}
