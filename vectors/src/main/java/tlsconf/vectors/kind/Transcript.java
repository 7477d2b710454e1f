package tlsconf.vectors.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.json.Node;

/**
 * A complete handshake as its source shows it: the cipher suite, the transcript whose session it resumes (if any),
 * long-term keys, and the chronological steps of
 * both sides, each with its labelled values (private and public keys, every handshake message, every secret,
 * every traffic key and IV, every record on the wire). Step actions and value labels follow RFC 8448's wording,
 * which the replay interprets (see vectors/README.md).
 */
public record Transcript(String tls, String cipherSuite, Optional<String> resumes, Map<String, Bytes> keys,
        List<Unreproducible> unreproducible, List<Step> steps) implements VectorBody {

    public Transcript {
        keys = Map.copyOf(keys);
        unreproducible = List.copyOf(unreproducible);
        steps = List.copyOf(steps);
    }

    /** One step of one side: {@code role} does {@code action}, showing {@code values} (label to bytes, in order). */
    public record Step(int index, String role, String action, Optional<String> remark, Map<String, Bytes> values) {
        public Step {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        public Optional<Bytes> value(String label) {
            return Optional.ofNullable(values.get(label));
        }

        /** JSON pointer of one of this step's values, for error messages. */
        public String pointer(String label) {
            return "/steps/" + index + "/values/" + label.replace("~", "~0").replace("/", "~1");
        }

        @Override
        public String toString() {
            return "step " + index + " {" + role + "} " + action;
        }
    }

    /** A value that cannot be reproduced byte for byte (e.g. a randomized signature) and why; the replay verifies it. */
    public record Unreproducible(String pointer, String reason) {
    }

    /** The steps of one role whose action starts with {@code prefix}. */
    public List<Step> steps(String role, String prefix) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            if (s.role.equals(role) && s.action.startsWith(prefix)) {
                out.add(s);
            }
        }
        return out;
    }

    public static Transcript parse(Node body) {
        body.only("kind", "id", "source", "description", "tls", "cipherSuite", "resumes", "keys", "unreproducible",
                "steps");
        String tls = body.choice("tls", "1.3", "1.2");
        String suite = body.text("cipherSuite");
        Map<String, Bytes> keys = body.hexMap("keys", false);
        List<Unreproducible> unrepro = new ArrayList<>();
        for (Node u : body.objects("unreproducible", false)) {
            u.only("pointer", "reason");
            unrepro.add(new Unreproducible(u.text("pointer"), u.text("reason")));
        }
        List<Step> steps = new ArrayList<>();
        List<Node> stepNodes = body.objects("steps", true);
        if (body.has("steps") && stepNodes.isEmpty()) {
            body.fail("steps", "a transcript needs at least one step");
        }
        for (int i = 0; i < stepNodes.size(); i++) {
            Node s = stepNodes.get(i);
            s.only("role", "action", "remark", "values");
            steps.add(new Step(i, s.choice("role", "client", "server"), s.text("action"), s.optText("remark"),
                    s.hexMap("values", false)));
        }
        return new Transcript(tls, suite, body.optText("resumes"), keys, unrepro, steps);
    }
}
