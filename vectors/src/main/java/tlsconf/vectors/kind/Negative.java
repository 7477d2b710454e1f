package tlsconf.vectors.kind;

import java.util.List;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.json.Node;

/**
 * A base transcript (by id), one mutation of one of its values (XOR at an offset), and the reactions a conforming
 * peer may show: one of the acceptable alerts, or (when allowed) closing without an alert.
 */
public record Negative(String base, Mutation mutation, List<String> acceptableAlerts, boolean closeAcceptable,
        String requirement) implements VectorBody {
    public Negative {
        acceptableAlerts = List.copyOf(acceptableAlerts);
    }

    /** XOR {@code xor} into the value {@code label} of step {@code step} of the base transcript, at {@code offset}. */
    public record Mutation(int step, String label, int offset, Bytes xor) {
    }

    public static Negative parse(Node body) {
        body.only("kind", "id", "source", "description", "base", "mutation", "acceptableAlerts", "closeAcceptable",
                "requirement");
        Node m = body.object("mutation");
        m.only("step", "label", "offset", "xor");
        Mutation mutation = new Mutation(m.integer("step"), m.text("label"), m.integer("offset"), m.hex("xor"));
        if (m.has("xor") && mutation.xor().length() == 0) {
            m.fail("xor", "an empty mutation changes nothing");
        }
        List<String> alerts = body.texts("acceptableAlerts", true);
        boolean close = body.bool("closeAcceptable", false);
        if (alerts.isEmpty() && !close) {
            body.fail("acceptableAlerts", "no acceptable reaction: list alerts or set closeAcceptable");
        }
        return new Negative(body.text("base"), mutation, alerts, close, body.text("requirement"));
    }
}
