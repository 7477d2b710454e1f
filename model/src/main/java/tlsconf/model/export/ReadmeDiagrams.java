package tlsconf.model.export;

import tlsconf.model.Model;
import tlsconf.model.Models;
import tlsconf.model.generate.ModelCounts;

/**
 * The part of the root README between {@link #BEGIN} and {@link #END}: the counts and the four Mermaid diagrams,
 * generated from the model. A test compares it with the committed README and rewrites it on request.
 */
public final class ReadmeDiagrams {

    public static final String BEGIN = "<!-- model-diagrams:begin -->";
    public static final String END = "<!-- model-diagrams:end -->";

    private ReadmeDiagrams() {
    }

    /** The generated text that goes between the markers (without them). */
    public static String section() {
        StringBuilder b = new StringBuilder();
        b.append("<!-- generated from the model by ReadmeDiagramsTest; do not edit by hand. Regenerate with:\n")
                .append("     mvn -q -B -pl model test -Dtest=ReadmeDiagramsTest -Dmodel.updateReadme=true -->\n\n");
        b.append("| model | states | transitions (ignored events) | parameter sets | handshakes | valid paths "
                + "| deviations |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (Model m : Models.all()) {
            ModelCounts c = ModelCounts.of(m);
            b.append("| ").append(m.title()).append(" | ").append(c.states()).append(" | ").append(c.transitions())
                    .append(" (").append(c.ignoredEvents()).append(") | ").append(c.parameterSets()).append(" | ")
                    .append(c.handshakes()).append(" | ").append(c.validPaths()).append(" | ")
                    .append(c.totalDeviations()).append(" |\n");
        }
        b.append("\nValid paths: every path to an accepting state using each transition at most once and at most "
                + "one self-loop (0-RTT data, middlebox CCS, post-handshake message); handshakes: no self-loop. "
                + "Deviations (skip, repeat, hop, reorder, wrong protection, bad CCS value) are derived from the "
                + "handshakes, each with the reaction the RFC requires. State names are those of RFC 8446 Appendix A; "
                + "the others (marked `tlsconf` in `./tlsconf model --format table`) split an arrow of the RFC "
                + "figures into one event each.\n");
        for (Model m : Models.all()) {
            b.append("\n### ").append(m.title()).append("\n\n```mermaid\n").append(MermaidExport.of(m))
                    .append("```\n");
            var ignored = MermaidExport.ignoredSummary(m);
            if (!ignored.isEmpty()) {
                b.append("\nIgnored without a state change:\n\n");
                for (String line : ignored) {
                    b.append("- ").append(line).append('\n');
                }
            }
        }
        return b.toString();
    }

    /**
     * {@code readme} with the text between the markers replaced by {@code section}; an
     * {@link IllegalArgumentException} when the markers are missing or out of order.
     */
    public static String replaceSection(String readme, String section) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("README lacks the markers " + BEGIN + " ... " + END);
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n" + section + readme.substring(end);
    }

    /** The text currently between the markers, in the form {@link #section()} produces. */
    public static String currentSection(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("README lacks the markers " + BEGIN + " ... " + END);
        }
        String inner = readme.substring(begin + BEGIN.length(), end);
        return inner.startsWith("\n") ? inner.substring(1) : inner;
    }
}
