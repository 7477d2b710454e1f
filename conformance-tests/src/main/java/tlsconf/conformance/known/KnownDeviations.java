package tlsconf.conformance.known;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The known-deviations file ({@code --expected FILE}): one format for what TLS-Anvil's expected.json, BoGo's
 * DisabledTests and tlsfuzzer's {@code -x} express. Example:
 *
 * <pre>
 * {"deviations": [
 *   {"target": "openssl", "role": "server", "check": "tls13.finished.wrong-length",
 *    "reason": "sends decrypt_error for a short Finished; RFC 8446 §6.2 names decode_error"}
 * ]}
 * </pre>
 *
 * {@code target} and {@code role} are optional (any); {@code check} and a non-empty {@code reason} are required;
 * {@code observed} (optional, an array of texts) pins the observations the entry covers ({@link KnownDeviation}).
 */
public final class KnownDeviations {
    private static final Set<String> FIELDS = Set.of("target", "role", "check", "reason", "observed");

    private final List<KnownDeviation> entries;

    private KnownDeviations(List<KnownDeviation> entries) {
        this.entries = List.copyOf(entries);
    }

    public static KnownDeviations none() {
        return new KnownDeviations(List.of());
    }

    public static KnownDeviations of(List<KnownDeviation> entries) {
        return new KnownDeviations(entries);
    }

    public List<KnownDeviation> entries() {
        return entries;
    }

    public Optional<KnownDeviation> find(String target, String role, String check) {
        return entries.stream().filter(e -> e.matches(target, role, check)).findFirst();
    }

    /** The entry for a failing check whose deviating scenarios were observed as {@code observations}. */
    public Optional<KnownDeviation> find(String target, String role, String check, List<String> observations) {
        return entries.stream().filter(e -> e.matches(target, role, check) && e.covers(observations)).findFirst();
    }

    /** Reads and validates a file; errors name the file and the entry. */
    public static KnownDeviations read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read known deviations " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("deviations").isArray()) {
            throw new IllegalArgumentException(file + ": expected an object with a \"deviations\" array");
        }
        List<KnownDeviation> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.get("deviations")) {
            String where = file + ": deviations[" + i + "]";
            n.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    throw new IllegalArgumentException(where + ": unknown field '" + f + "'");
                }
            });
            String check = text(n, "check");
            String reason = text(n, "reason");
            if (check == null || check.isBlank()) {
                throw new IllegalArgumentException(where + ": 'check' is required");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException(where + ": 'reason' is required (say why it is known)");
            }
            String role = text(n, "role");
            if (role != null && !role.equals("client") && !role.equals("server")) {
                throw new IllegalArgumentException(where + ": 'role' must be client or server, not '" + role + "'");
            }
            List<String> observed = new ArrayList<>();
            JsonNode pins = n.get("observed");
            if (pins != null) {
                if (!pins.isArray() || pins.isEmpty()) {
                    throw new IllegalArgumentException(where + ": 'observed' must be a non-empty array of texts");
                }
                for (JsonNode p : pins) {
                    if (!p.isTextual() || p.asText().isBlank()) {
                        throw new IllegalArgumentException(where + ": 'observed' holds texts, not " + p);
                    }
                    observed.add(p.asText());
                }
            }
            out.add(new KnownDeviation(text(n, "target"), role, check, reason, observed));
            i++;
        }
        return new KnownDeviations(out);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
