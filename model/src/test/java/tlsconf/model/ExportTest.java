package tlsconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tlsconf.model.export.DotExport;
import tlsconf.model.export.MermaidExport;
import tlsconf.model.export.TableExport;

/** The exports show every state and every transition of the table. */
class ExportTest {

    static Stream<Model> models() {
        return Models.all().stream();
    }

    private static long count(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).count();
    }

    @ParameterizedTest
    @MethodSource("models")
    void dotHasEveryStateAndTransition(Model m) {
        String dot = DotExport.of(m);
        assertTrue(dot.startsWith("digraph "));
        for (State s : m.states()) {
            assertTrue(dot.contains("  " + s.name() + " [shape="), s.name());
        }
        assertEquals(m.transitions().size() + 1, count(dot, " -> "));
    }

    @ParameterizedTest
    @MethodSource("models")
    void mermaidHasEveryStepAndListsIgnoredEvents(Model m) {
        String mermaid = MermaidExport.of(m);
        assertTrue(mermaid.startsWith("stateDiagram-v2\n"));
        long steps = m.transitions().stream().filter(t -> t.effect() == Transition.Effect.STEP).count();
        assertEquals(steps + 1 + m.accepting().size(), count(mermaid, " --> "));
        assertTrue(mermaid.contains("    START --> "));
        m.transitions().stream().filter(t -> t.effect() == Transition.Effect.IGNORE)
                .forEach(t -> assertTrue(mermaid.contains("%% ignored: " + t.event()), t::toString));
    }

    @ParameterizedTest
    @MethodSource("models")
    void tableHasOneRowPerTransition(Model m) {
        String table = TableExport.of(m);
        assertTrue(table.startsWith(m.title() + ": " + m.states().size() + " states, " + m.transitions().size()
                + " transitions"));
        // every transition row, and only those, cites a section
        assertEquals(m.transitions().size(), count(table, " §") - count(table, "skipped: "));
        assertEquals(m.skips().size(), count(table, "skipped: "));
    }
}
