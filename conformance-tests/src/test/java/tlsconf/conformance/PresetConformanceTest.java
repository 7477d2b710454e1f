package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.known.KnownDeviations;
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
import tlsconf.peers.Presets;

/**
 * The quick profile against the real peers (OpenSSL, GnuTLS, the JDK), both roles: every deviation must be listed
 * in the committed expected-deviation file of the preset (conformance-tests/expected/NAME.json), so a new one, or
 * a change of behaviour after a peer upgrade, fails the build. A preset that is not installed is skipped.
 * {@code -Dtlsconf.presets=none} skips them all; {@code -Dtlsconf.presets=openssl,gnutls} picks some.
 */
class PresetConformanceTest {

    @TestFactory
    Stream<DynamicNode> presets() {
        String pick = System.getProperty("tlsconf.presets", "openssl,gnutls,jsse");
        return Stream.of("openssl", "gnutls", "jsse").filter(n -> List.of(pick.split(",")).contains(n))
                .map(name -> DynamicContainer.dynamicContainer(name, results(name)));
    }

    private static Stream<DynamicTest> results(String name) {
        if (Presets.byName(name).map(p -> !p.installed()).orElse(true)) {
            return Stream.of(DynamicTest.dynamicTest(name + " installed",
                    () -> Assumptions.abort(name + " is not installed")));
        }
        RunOptions options = new RunOptions(EnumSet.allOf(TlsVersion.class), Profile.QUICK, 1L, Strictness.EXACT,
                Duration.ofSeconds(3), 16);
        KnownDeviations known = KnownDeviations.read(Path.of("expected", name + ".json"));
        TargetSpec spec = new TargetSpec(name, null, null, null);
        List<Harness> harnesses = Harnesses.create(spec, EnumSet.allOf(Role.class), options);
        RunResult result = Conformance.run(Harnesses.describe(spec, harnesses), harnesses, options, known,
                line -> { });
        return result.checks().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> verdict(c)));
    }

    private static void verdict(CheckResult c) {
        switch (c.verdict()) {
            case PASS, KNOWN -> { }
            case SKIPPED -> Assumptions.abort(c.note());
            case FAIL -> fail("new deviation, not in expected/" + c.targetName() + ".json: "
                    + c.check().requirement().citation() + ": " + c.check().requirement().text()
                    + "\n  " + String.join("\n  ", c.deviations()));
        }
    }
}
