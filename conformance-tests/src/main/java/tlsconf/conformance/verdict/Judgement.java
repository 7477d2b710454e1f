package tlsconf.conformance.verdict;

import java.util.EnumMap;
import java.util.Map;

/**
 * The verdict on one observation at the chosen strictness, plus what the other strictness levels would say (the
 * report shows all three so a user can see whether relaxing would help).
 */
public record Judgement(Strictness strictness, boolean passed, String reason, Map<Strictness, Boolean> atEachLevel) {
    public Judgement {
        atEachLevel = Map.copyOf(new EnumMap<>(atEachLevel));
    }

    /** {@code exact: fail, alert: pass, close: pass}. */
    public String levelsSummary() {
        StringBuilder b = new StringBuilder();
        for (Strictness s : Strictness.values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(s.cliName()).append(": ").append(atEachLevel.get(s) ? "pass" : "fail");
        }
        return b.toString();
    }
}
