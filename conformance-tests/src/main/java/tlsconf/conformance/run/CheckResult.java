package tlsconf.conformance.run;

import tlsconf.conformance.check.Check;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The result of one check against one target role and version.
 *
 * @param scenarios       how many scenarios were played
 * @param failedScenarios how many of them deviated
 * @param failure         the first deviating scenario, shrunk; null when none deviated
 * @param note            the skip reason, or the known-deviation reason; null otherwise
 */
public record CheckResult(Check check, String targetName, Role role, TlsVersion version, Verdict verdict,
                          int scenarios, int failedScenarios, ScenarioOutcome failure, String note) {

    /** {@code tls13.finished.corrupted [server]}: the name of the JUnit test case and the report row. */
    public String displayName() {
        return check.id() + " [" + role.cliName() + "]";
    }

    /** A file-name-safe key for the replay file. */
    public String fileKey() {
        return check.id() + "-" + targetName + "-" + role.cliName();
    }
}
