package tlsconf.vectors;

import java.util.Optional;

/**
 * Where a vector's numbers come from: a document and section (an RFC), or a peer and its exact version (a
 * recording), and the license the data is used under.
 */
public record Source(String name, Optional<String> section, Optional<String> version, Optional<String> url,
        String license) {
    @Override
    public String toString() {
        return name + section.map(s -> " §" + s).orElse("") + version.map(v -> " " + v).orElse("");
    }
}
