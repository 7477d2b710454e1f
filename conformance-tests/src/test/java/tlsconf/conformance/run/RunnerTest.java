package tlsconf.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Catalogue;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.known.KnownDeviation;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Mutation;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.conformance.verdict.Observation;
import tlsconf.model.vocabulary.AlertLevel;
import tlsconf.model.vocabulary.Role;

class RunnerTest {
    private static final RunOptions OPTIONS = RunOptions.defaults(7).withProfile(Profile.QUICK);

    /** A target that does exactly what each scenario expects. */
    private static Observation conforming(Scenario s) {
        if (s.expected() instanceof Expectation.Reject r) {
            return Observation.Alert.of(AlertLevel.FATAL, r.preferred());
        }
        return new Observation.Completed();
    }

    private static boolean isWrongLength(Scenario s) {
        return s.checkId().equals("tls13.finished.wrong-length");
    }

    @Test
    void conformingTargetPassesAndInapplicableChecksAreSkippedWithReason() {
        Harness h = FakeHarness.of(Role.SERVER, EnumSet.of(Capability.OBSERVABLE_COMPLETION), f -> true,
                RunnerTest::conforming);
        RunResult r = new Runner(Catalogue.all(), OPTIONS, KnownDeviations.none()).run("fake", List.of(h), l -> { });
        assertEquals(0, r.count(Verdict.FAIL));
        assertTrue(r.count(Verdict.PASS) > 5);
        CheckResult cv = r.checks().stream()
                .filter(c -> c.check().id().equals("tls13.order.skip-client-certificate-verify")).findFirst()
                .orElseThrow();
        assertEquals(Verdict.SKIPPED, cv.verdict());
        assertEquals(Capability.REQUESTS_CLIENT_CERTIFICATE.missingReason(), cv.note());
        CheckResult tls12 = r.checks().stream().filter(c -> c.check().id().startsWith("tls12.")).findFirst()
                .orElseThrow();
        assertEquals(Verdict.SKIPPED, tls12.verdict());
        assertEquals("the target does not support TLS 1.2", tls12.note());
        assertFalse(r.hasNewDeviations());
    }

    @Test
    void deviationIsNewUnlessKnown() {
        Function<Scenario, Observation> lax = s -> isWrongLength(s) ? new Observation.Completed() : conforming(s);
        Harness h = FakeHarness.of(Role.SERVER, EnumSet.of(Capability.OBSERVABLE_COMPLETION), f -> true, lax);
        RunResult r = new Runner(Catalogue.all(), OPTIONS, KnownDeviations.none()).run("fake", List.of(h), l -> { });
        CheckResult wl = find(r, "tls13.finished.wrong-length");
        assertEquals(Verdict.FAIL, wl.verdict());
        assertNotNull(wl.failure());
        assertEquals(wl.scenarios(), wl.failedScenarios());
        assertTrue(r.hasNewDeviations());

        KnownDeviations known = KnownDeviations.of(List.of(
                new KnownDeviation("fake", "server", "tls13.finished.wrong-length", "accepted on purpose")));
        Harness h2 = FakeHarness.of(Role.SERVER, EnumSet.of(Capability.OBSERVABLE_COMPLETION), f -> true, lax);
        RunResult r2 = new Runner(Catalogue.all(), OPTIONS, known).run("fake", List.of(h2), l -> { });
        assertEquals(Verdict.KNOWN, find(r2, "tls13.finished.wrong-length").verdict());
        assertEquals("accepted on purpose", find(r2, "tls13.finished.wrong-length").note());
        assertFalse(r2.hasNewDeviations());
    }

    @Test
    void checksThePeerCannotPlayAreSkipped() {
        Harness h = FakeHarness.of(Role.CLIENT, EnumSet.of(Capability.OBSERVABLE_COMPLETION),
                f -> !(f instanceof Fault.Drop), RunnerTest::conforming);
        RunResult r = new Runner(Catalogue.all(), OPTIONS, KnownDeviations.none()).run("fake", List.of(h), l -> { });
        CheckResult skip = find(r, "tls13.order.skip-server-message");
        assertEquals(Verdict.SKIPPED, skip.verdict());
        assertTrue(skip.note().contains("cannot apply"), skip.note());
    }

    @Test
    void shrinkingLowersTheBitWhileItStillFails() {
        // A target that ignores flips of bits 10 and above: the shrinker walks 200 -> 100 -> 50 -> 25 -> 12.
        Function<Scenario, Observation> buggy = s -> {
            Fault.Mutate m = (Fault.Mutate) s.faults().get(0);
            return ((Mutation.FlipBit) m.mutation()).bit() >= 10 ? new Observation.Completed() : conforming(s);
        };
        Harness h = FakeHarness.of(Role.SERVER, EnumSet.of(Capability.OBSERVABLE_COMPLETION), f -> true, buggy);
        Runner runner = new Runner(List.of(), OPTIONS, KnownDeviations.none());
        Scenario s = Catalogue.all().get(0).scenarios(tlsconf.model.vocabulary.TlsVersion.TLS_1_3, Role.SERVER,
                Profile.FULL, 1).get(200);
        ScenarioOutcome failing = runner.play(h, s);
        assertFalse(failing.passed());
        ScenarioOutcome shrunk = Shrinker.shrink(failing, x -> runner.play(h, x), 64);
        assertEquals(new Fault.Mutate(tlsconf.model.vocabulary.HandshakeType.FINISHED, new Mutation.FlipBit(12)),
                shrunk.scenario().faults().get(0));
    }

    @Test
    void inProcessTargetsPlayInOneParallelPassWithResultsIndependentOfScheduling() {
        // Both reference roles form one batch whose scenarios are played together on every core: two runs with
        // the same seed give the same checks, in the same order, with the same scenario counts and verdicts.
        RunOptions options = RunOptions.defaults(3).withProfile(Profile.QUICK)
                .withVersions(EnumSet.of(tlsconf.model.vocabulary.TlsVersion.TLS_1_3));
        tlsconf.conformance.target.TargetSpec spec = new tlsconf.conformance.target.TargetSpec("reference", null,
                null, null);
        List<String> first = summary(new Runner(Catalogue.all(), options, KnownDeviations.none()).run("a",
                tlsconf.conformance.setup.Harnesses.create(spec, EnumSet.allOf(Role.class), options), l -> { }));
        List<String> second = summary(new Runner(Catalogue.all(), options, KnownDeviations.none()).run("b",
                tlsconf.conformance.setup.Harnesses.create(spec, EnumSet.allOf(Role.class), options), l -> { }));
        assertEquals(first, second);
        assertTrue(first.stream().anyMatch(l -> l.contains("[server]")) && first.stream().anyMatch(
                l -> l.contains("[client]")), "both roles ran");
        assertTrue(first.stream().noneMatch(l -> l.contains("FAIL")), String.join("\n", first));
    }

    private static List<String> summary(RunResult r) {
        assertTrue(r.play().toNanos() > 0 && r.setup().plus(r.play()).compareTo(r.duration()) <= 0);
        return r.checks().stream().map(c -> c.displayName() + " " + c.version().label() + " " + c.verdict() + " "
                + c.scenarios() + " " + c.failedScenarios()).toList();
    }

    private static CheckResult find(RunResult r, String id) {
        return r.checks().stream().filter(c -> c.check().id().equals(id)).findFirst().orElseThrow();
    }
}
