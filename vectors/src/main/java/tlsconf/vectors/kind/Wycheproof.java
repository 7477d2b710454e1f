package tlsconf.vectors.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.json.Node;

/**
 * A Project Wycheproof file in its own format (recognized by its {@code schema} field): test groups with their
 * parameters and keys, and test cases whose string fields are hex (decoded once here).
 */
public record Wycheproof(String algorithm, String schema, int numberOfTests, List<Group> groups)
        implements VectorBody {
    public Wycheproof {
        groups = List.copyOf(groups);
    }

    /** Wycheproof's verdicts: valid must be accepted, invalid rejected, acceptable may go either way. */
    public enum Result {
        VALID,
        INVALID,
        ACCEPTABLE
    }

    /** A group: its type, scalar parameters (keySize, sha, curve ...), DER/hex keys (publicKeyDer ...), tests. */
    public record Group(String type, Map<String, String> params, Map<String, Bytes> keys, List<Case> tests) {
        public Group {
            params = Map.copyOf(params);
            keys = Map.copyOf(keys);
            tests = List.copyOf(tests);
        }

        public int intParam(String name) {
            return Integer.parseInt(params.getOrDefault(name, "-1"));
        }
    }

    /** One test: hex fields (key, iv, msg, ct, tag, public, private, shared, sig, ikm, salt, info, okm ...). */
    public record Case(int tcId, String comment, List<String> flags, Result result, Map<String, Bytes> values,
            Map<String, Integer> numbers) {
        public Case {
            flags = List.copyOf(flags);
            values = Map.copyOf(values);
            numbers = Map.copyOf(numbers);
        }

        public Bytes value(String name) {
            Bytes b = values.get(name);
            if (b == null) {
                throw new IllegalArgumentException("test " + tcId + " has no field " + name);
            }
            return b;
        }
    }

    private static final List<String> KEY_SUFFIXES = List.of("Der", "Pkcs8", "Asn");

    public static boolean looksLikeWycheproof(JsonNode root) {
        return root.isObject() && !root.has("kind") && root.path("schema").asText("").endsWith("_schema_v1.json")
                && root.has("testGroups");
    }

    public static Wycheproof parse(Node body) {
        String algorithm = body.text("algorithm");
        String schema = body.text("schema");
        int declared = body.integer("numberOfTests");
        List<Group> groups = new ArrayList<>();
        int count = 0;
        for (Node g : body.objects("testGroups", true)) {
            Map<String, String> params = new LinkedHashMap<>();
            Map<String, Bytes> keys = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : g.json().properties()) {
                String k = e.getKey();
                if (KEY_SUFFIXES.stream().anyMatch(k::endsWith) && e.getValue().isTextual()) {
                    keys.put(k, g.hex(k));
                } else if (e.getValue().isValueNode()) {
                    params.put(k, e.getValue().asText());
                }
            }
            List<Case> tests = new ArrayList<>();
            for (Node t : g.objects("tests", true)) {
                tests.add(parseCase(t));
                count++;
            }
            groups.add(new Group(g.text("type"), params, keys, tests));
        }
        if (declared != count) {
            body.fail("numberOfTests", "says " + declared + " but the groups hold " + count + " tests");
        }
        return new Wycheproof(algorithm, schema, declared, groups);
    }

    private static Case parseCase(Node t) {
        Map<String, Bytes> values = new LinkedHashMap<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : t.json().properties()) {
            String k = e.getKey();
            if (k.equals("tcId") || k.equals("comment") || k.equals("result") || k.equals("flags")) {
                continue;
            }
            if (e.getValue().isTextual()) {
                values.put(k, t.hex(k));
            } else if (e.getValue().isIntegralNumber()) {
                numbers.put(k, e.getValue().intValue());
            }
        }
        String r = t.choice("result", "valid", "invalid", "acceptable");
        Result result = r.equals("invalid") ? Result.INVALID : r.equals("acceptable") ? Result.ACCEPTABLE : Result.VALID;
        return new Case(t.integer("tcId"), t.optText("comment").orElse(""), t.texts("flags", false), result, values,
                numbers);
    }
}
