package tlsconf.vectors;

import java.util.Optional;

/** The kinds of vector file; the value of the top-level {@code kind} field (wycheproof files are recognized by their {@code schema}). */
public enum Kind {
    TRANSCRIPT("transcript"),
    KDF("kdf"),
    NEGATIVE("negative"),
    CERTIFICATE("certificate"),
    RECORDING("recording"),
    WYCHEPROOF("wycheproof");

    private final String json;

    Kind(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Optional<Kind> fromJson(String name) {
        for (Kind k : values()) {
            if (k.json.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
