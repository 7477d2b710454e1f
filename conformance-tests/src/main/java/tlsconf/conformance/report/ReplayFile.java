package tlsconf.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tlsconf.conformance.run.CheckResult;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.conformance.verdict.Strictness;

/**
 * A replay file: one failing scenario with everything needed to play it again ({@code tlsconf replay FILE}): the
 * target spec, the role, the strictness and the scenario itself (faults and expected reaction), plus what was
 * observed when it was written, for comparison.
 *
 * <pre>
 * {"format": "tlsconf-replay/1", "target": {...TargetSpec}, "role": "server", "strictness": "exact",
 *  "seed": 42, "check": "tls13.finished.corrupted", "scenario": {...}, "observed": "...", "trace": [...]}
 * </pre>
 */
public record ReplayFile(TargetSpec target, String role, Strictness strictness, long seed, String check,
                         Scenario scenario, String observed) {
    public static final String FORMAT = "tlsconf-replay/1";

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static ReplayFile of(CheckResult r, TargetSpec spec, Strictness strictness, long seed) {
        return new ReplayFile(spec, r.role().cliName(), strictness, seed, r.check().id(),
                r.failure().scenario(), r.failure().play().observation().describe());
    }

    public void write(Path file, java.util.List<String> trace) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("target", MAPPER.valueToTree(target));
        root.put("role", role);
        root.put("strictness", strictness.cliName());
        root.put("seed", seed);
        root.put("check", check);
        root.set("scenario", MAPPER.valueToTree(scenario));
        root.put("observed", observed);
        root.set("trace", MAPPER.valueToTree(trace));
        Files.createDirectories(file.getParent());
        Files.writeString(file, MAPPER.writeValueAsString(root));
    }

    /** Reads a replay file; errors name the file and what is wrong with it. */
    public static ReplayFile read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read replay file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + ": not a replay file (expected \"format\": \"" + FORMAT + "\")");
        }
        try {
            return new ReplayFile(MAPPER.treeToValue(root.get("target"), TargetSpec.class),
                    root.path("role").asText(),
                    Strictness.fromCliName(root.path("strictness").asText("exact")),
                    root.path("seed").asLong(),
                    root.path("check").asText(),
                    MAPPER.treeToValue(root.get("scenario"), Scenario.class),
                    root.path("observed").asText());
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(file + ": invalid replay file: " + e.getMessage(), e);
        }
    }
}
