package tlsconf.model.export;

import tlsconf.model.Model;
import tlsconf.model.State;
import tlsconf.model.Transition;

/**
 * Graphviz DOT of a model: states of RFC 8446 Appendix A as ellipses, our own split states as boxes,
 * accepting states doubled; ignored events as dashed self-loops.
 */
public final class DotExport {

    private DotExport() {
    }

    public static String of(Model model) {
        StringBuilder b = new StringBuilder();
        String id = model.title().replace(' ', '_').replace('.', '_');
        b.append("digraph ").append(id).append(" {\n");
        b.append("  label=\"").append(model.title()).append(" (generated from the tlsconf model)\";\n");
        b.append("  rankdir=TB;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        b.append("  __start [shape=point];\n  __start -> ").append(model.initial().name()).append(";\n");
        for (State s : model.states()) {
            String shape = model.accepting().contains(s) ? "doublecircle" : s.fromRfc() ? "ellipse" : "box";
            b.append("  ").append(s.name()).append(" [shape=").append(shape).append(", tooltip=\"")
                    .append(escape(s.description())).append("\"];\n");
        }
        for (Transition t : model.transitions()) {
            String label = Labels.event(t) + (Labels.guard(t).isEmpty() ? "" : "\\n" + Labels.guard(t));
            b.append("  ").append(t.from().name()).append(" -> ").append(t.to().name()).append(" [label=\"")
                    .append(escape(label)).append("\", tooltip=\"").append(escape(t.citation().toString()))
                    .append('"');
            if (t.effect() == Transition.Effect.IGNORE) {
                b.append(", style=dashed, color=gray");
            }
            b.append("];\n");
        }
        for (tlsconf.model.RecordSkip r : model.skips()) {
            b.append("  // skipped: any received record under ").append(r.protection().shortName()).append(" keys [")
                    .append(r.guard().label()).append("] (").append(r.citation().reference()).append(")\n");
        }
        b.append("}\n");
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("\"", "\\\"");
    }
}
