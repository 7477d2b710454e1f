package tlsconf.conformance.run;

import tlsconf.conformance.check.Check;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The result of one check against one target role and version.
 *
 * <p>A check whose requirement is advisory (an RFC recommendation or a policy from outside the RFC, {@link
 * tlsconf.conformance.check.Requirement.Kind}) cannot fail: a deviating result, new or listed in the known-deviations
 * file, is {@link Verdict#ADVISORY}, whoever builds it, unless its failure is one the suite could not play. Its note says what the requirement's kind means, followed by
 * the known-deviation reason when there is one.
 *
 * @param scenarios       how many scenarios were played
 * @param failedScenarios how many of them deviated
 * @param failure         the first deviating scenario, shrunk; null when none deviated
 * @param note            the skip reason, the known-deviation reason or why a deviation is advisory; null otherwise
 * @param deviations      one line per deviating scenario (at most {@link #MAX_LISTED}): scenario, expected,
 *                        observed
 */
public record CheckResult(Check check, String targetName, Role role, TlsVersion version, Verdict verdict,
                          int scenarios, int failedScenarios, ScenarioOutcome failure, String note,
                          java.util.List<String> deviations) {
    public static final int MAX_LISTED = 50;

    public CheckResult {
        deviations = deviations == null ? java.util.List.of() : java.util.List.copyOf(deviations);
        if ((verdict == Verdict.FAIL || verdict == Verdict.KNOWN) && check.requirement().advisory()
                && !suiteError(failure)) {
            String why = check.requirement().kind().describe(check.requirement());
            note = verdict == Verdict.KNOWN && note != null ? why + "; known: " + note : why;
            verdict = Verdict.ADVISORY;
        } else if (verdict == Verdict.ADVISORY && note == null) {
            note = check.requirement().kind().describe(check.requirement());
        }
    }

    /**
     * A deviating scenario that could not be played is the suite's problem, not the target's reaction to a
     * recommendation or policy: it stays a failure so that it is seen. (Judged on the shrunk failure; the
     * advisory checks are certificate checks, whose faults have nothing simpler to shrink to.)
     */
    private static boolean suiteError(ScenarioOutcome failure) {
        return failure != null
                && failure.play().observation() instanceof tlsconf.conformance.verdict.Observation.NotPlayable;
    }

    /** {@code tls13.finished.corrupted [server]}: the name of the JUnit test case and the report row. */
    public String displayName() {
        return check.id() + " [" + role.cliName() + "]";
    }

    /** A file-name-safe key for the replay file. */
    public String fileKey() {
        return check.id() + "-" + targetName + "-" + role.cliName();
    }
}
