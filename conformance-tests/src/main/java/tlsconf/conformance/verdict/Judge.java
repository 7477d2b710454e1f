package tlsconf.conformance.verdict;

import java.util.EnumMap;
import java.util.Map;
import tlsconf.model.vocabulary.AlertLevel;

/** Compares an observation with an expectation at a strictness. Pure: no I/O, no state. */
public final class Judge {
    private Judge() {
    }

    public static Judgement judge(Expectation expected, Observation observed, Strictness strictness) {
        Map<Strictness, Boolean> levels = new EnumMap<>(Strictness.class);
        for (Strictness s : Strictness.values()) {
            levels.put(s, passes(expected, observed, s));
        }
        boolean passed = levels.get(strictness);
        String reason = passed
                ? "as expected: " + observed.describe()
                : "expected " + expected.describe() + ", observed " + observed.describe();
        return new Judgement(strictness, passed, reason, levels);
    }

    static boolean passes(Expectation expected, Observation observed, Strictness strictness) {
        if (expected instanceof Expectation.Accept) {
            return observed instanceof Observation.Completed || observed instanceof Observation.Continued;
        }
        if (expected instanceof Expectation.RejectOrContinue either) {
            return observed instanceof Observation.Completed || passes(either.reject(), observed, strictness);
        }
        Expectation.Reject reject = (Expectation.Reject) expected;
        if (observed instanceof Observation.Alert alert) {
            switch (strictness) {
                case EXACT:
                    // RFC 8446 §6.2: error alerts are always fatal; the description must be one the RFC names.
                    return alert.level() == AlertLevel.FATAL && alert.description() != null
                            && reject.acceptable().contains(alert.description());
                case ALERT:
                    return alert.isError();
                case CLOSE:
                    return true;
                default:
                    throw new AssertionError(strictness);
            }
        }
        // A close without an alert is a refusal only at the loosest level; completion, a timeout (the target
        // neither refused nor closed) and an unplayable scenario never are.
        return observed instanceof Observation.Closed && strictness == Strictness.CLOSE;
    }
}
