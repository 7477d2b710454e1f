package tlsconf.model.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tlsconf.model.Model;
import tlsconf.model.RecordSkip;
import tlsconf.model.State;
import tlsconf.model.Transition;

/**
 * Mermaid {@code stateDiagram-v2} of a model. Steps are edges; the ignored events (RFC 8446 §5 middlebox CCS and
 * the like) would clutter the picture, so they follow as one comment line per event and in {@link #ignoredSummary}.
 */
public final class MermaidExport {

    private MermaidExport() {
    }

    public static String of(Model model) {
        StringBuilder b = new StringBuilder();
        b.append("stateDiagram-v2\n");
        b.append("    %% ").append(model.title()).append(", generated from the tlsconf model\n");
        b.append("    [*] --> ").append(model.initial().name()).append('\n');
        for (Transition t : model.transitions()) {
            if (t.effect() == Transition.Effect.STEP) {
                String guard = Labels.guard(t).replace(" && ", " and ");
                b.append("    ").append(t.from().name()).append(" --> ").append(t.to().name()).append(" : ")
                        .append(Labels.event(t)).append(guard.isEmpty() ? "" : " " + guard).append('\n');
            }
        }
        for (State s : model.accepting()) {
            b.append("    ").append(s.name()).append(" --> [*]\n");
        }
        for (String line : ignoredSummary(model)) {
            b.append("    %% ignored: ").append(line).append('\n');
        }
        return b.toString();
    }

    /** One line per ignored event: {@code recv ChangeCipherSpec [plain] in WAIT_SH, WAIT_EE (RFC 8446 §5)}. */
    public static List<String> ignoredSummary(Model model) {
        Map<String, List<String>> states = new LinkedHashMap<>();
        Map<String, String> refs = new LinkedHashMap<>();
        for (Transition t : model.transitions()) {
            if (t.effect() == Transition.Effect.IGNORE) {
                String key = t.event() + (t.guard().isAlways() ? "" : " [" + t.guard().label() + "]");
                states.computeIfAbsent(key, k -> new ArrayList<>()).add(t.from().name());
                refs.put(key, t.citation().reference());
            }
        }
        List<String> out = new ArrayList<>();
        states.forEach((k, v) -> out.add(k + " in " + String.join(", ", v) + " (" + refs.get(k) + ")"));
        for (RecordSkip r : model.skips()) {
            List<String> in = model.states().stream().filter(r.states()::contains).map(State::name).toList();
            out.add("recv any record [" + r.protection().shortName() + "] [" + r.guard().label() + "] in "
                    + String.join(", ", in) + " (" + r.citation().reference() + ")");
        }
        return out;
    }
}
