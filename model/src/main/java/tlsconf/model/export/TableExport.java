package tlsconf.model.export;

import java.util.ArrayList;
import java.util.List;
import tlsconf.model.Model;
import tlsconf.model.RecordSkip;
import tlsconf.model.State;
import tlsconf.model.Transition;

/** The model as a plain-text table: its states, then one row per transition with its RFC citation. */
public final class TableExport {

    private TableExport() {
    }

    public static String of(Model model) {
        StringBuilder b = new StringBuilder();
        long ignored = model.transitions().stream().filter(t -> t.effect() == Transition.Effect.IGNORE).count();
        b.append(model.title()).append(": ").append(model.states().size()).append(" states, ")
                .append(model.transitions().size()).append(" transitions (")
                .append(model.transitions().size() - ignored).append(" steps, ").append(ignored)
                .append(" ignored events)\n\n");
        List<String[]> states = new ArrayList<>();
        states.add(new String[] {"state", "origin", "meaning"});
        for (State s : model.states()) {
            String origin = s.fromRfc() ? "RFC" : "tlsconf";
            if (s == model.initial()) {
                origin += ", initial";
            }
            if (model.accepting().contains(s)) {
                origin += ", accepting";
            }
            states.add(new String[] {s.name(), origin, s.description()});
        }
        render(b, states);
        b.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"from", "event", "guard", "to", "rule"});
        for (Transition t : model.transitions()) {
            String to = t.effect() == Transition.Effect.IGNORE ? "(ignored)" : t.to().name();
            rows.add(new String[] {t.from().name(), Labels.event(t), t.guard().isAlways() ? "-" : t.guard().label(),
                to, t.citation().toString()});
        }
        render(b, rows);
        for (RecordSkip r : model.skips()) {
            List<String> in = model.states().stream().filter(r.states()::contains).map(State::name).toList();
            b.append("\nskipped: any received record under ").append(r.protection().shortName()).append(" keys [")
                    .append(r.guard().label()).append("] in ").append(String.join(", ", in)).append(": ")
                    .append(r.citation()).append('\n');
        }
        return b.toString();
    }

    private static void render(StringBuilder b, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols - 1; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                line.append(i < cols - 1 ? String.format("%-" + width[i] + "s  ", r[i]) : r[i]);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
