package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.report.ReportWriter;
import tlsconf.conformance.run.CheckResult;
import tlsconf.conformance.run.Conformance;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.run.RunResult;
import tlsconf.conformance.setup.Harnesses;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.conformance.verdict.Strictness;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The conformance catalogue as JUnit tests: the same runner as {@code tlsconf run}, one dynamic test per check
 * result. The target comes from system properties (default: the embedded reference, both roles, the default
 * profile, which issue 6 requires to pass in every build with zero deviations):
 * {@code -Dtlsconf.target=openssl}, {@code -Dtlsconf.server=HOST:PORT}, {@code -Dtlsconf.clientCommand=...},
 * {@code -Dtlsconf.role}, {@code -Dtlsconf.profile}, {@code -Dtlsconf.seed}, {@code -Dtlsconf.strictness},
 * {@code -Dtlsconf.tls}, {@code -Dtlsconf.expected=FILE}. The report goes to target/tlsconf-report-junit.
 */
class ConformanceTest {

    @TestFactory
    Stream<DynamicTest> catalogue() {
        String role = System.getProperty("tlsconf.role");
        TargetSpec spec = new TargetSpec(System.getProperty("tlsconf.target", "reference"), role,
                System.getProperty("tlsconf.server"), System.getProperty("tlsconf.clientCommand"));
        Set<TlsVersion> versions = System.getProperty("tlsconf.tls") == null ? EnumSet.allOf(TlsVersion.class)
                : EnumSet.of(TlsVersion.fromLabel(System.getProperty("tlsconf.tls")));
        RunOptions options = new RunOptions(versions,
                Profile.fromCliName(System.getProperty("tlsconf.profile", "default")),
                Long.getLong("tlsconf.seed", 1L),
                Strictness.fromCliName(System.getProperty("tlsconf.strictness", "exact")),
                Duration.ofMillis(Long.getLong("tlsconf.stepTimeout", 2000L)), 64);
        KnownDeviations known = System.getProperty("tlsconf.expected") == null ? KnownDeviations.none()
                : KnownDeviations.read(Path.of(System.getProperty("tlsconf.expected")));
        Set<Role> roles = role == null ? EnumSet.allOf(Role.class)
                : EnumSet.of(role.equals("client") ? Role.CLIENT : Role.SERVER);
        List<Harness> harnesses = Harnesses.create(spec, roles, options);
        RunResult result = Conformance.run(Harnesses.describe(spec, harnesses), harnesses, options, known,
                line -> { });
        ReportWriter.write(result, spec, Path.of("target", "tlsconf-report-junit"));
        System.out.printf("tlsconf: seed %d, profile %s, %s%n", result.seed(), result.profile().cliName(),
                result.speedLine());
        return result.checks().stream().map(c -> DynamicTest.dynamicTest(
                c.displayName() + " TLS " + c.version().label(), () -> verdict(c)));
    }

    private static void verdict(CheckResult c) {
        switch (c.verdict()) {
            case PASS, KNOWN -> { }
            case SKIPPED -> Assumptions.abort(c.note());
            // The suite's own reference follows the recommendations and policies it reports on in others.
            case ADVISORY -> fail("the reference does not follow a recommendation or policy: " + c.note());
            case FAIL -> fail(c.check().requirement().citation() + ": " + c.check().requirement().text()
                    + "\n  scenario: " + c.failure().scenario().describe()
                    + "\n  expected: " + c.failure().scenario().expected().describe()
                    + "\n  observed: " + c.failure().play().observation().describe()
                    + "\n  levels:   " + c.failure().judgement().levelsSummary()
                    + "\n  trace:\n    " + String.join("\n    ", c.failure().play().trace()));
        }
    }
}
