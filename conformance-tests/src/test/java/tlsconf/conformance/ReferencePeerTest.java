package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.peer.ReferencePeer;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.run.Runner;
import tlsconf.conformance.run.ScenarioOutcome;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Mutation;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.ReferenceTarget;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.conformance.verdict.Observation;
import tlsconf.impl.PeerVerifier;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** The test peer against the real in-process reference implementation: what it observes, and that it can fail. */
class ReferencePeerTest {
    private static final TestPki PKI = TestPki.shared();
    private static final Runner RUNNER = new Runner(List.of(), RunOptions.defaults(1), KnownDeviations.none());

    private static Harness reference(Role role, PeerVerifier targetVerifier) {
        ReferenceTarget target = targetVerifier == null ? new ReferenceTarget(role, PKI, s -> "localhost")
                : new ReferenceTarget(role, PKI, s -> "localhost", b -> b.peerVerifier(targetVerifier));
        return new Harness(target, new ReferencePeer(PKI, Duration.ofSeconds(2), "localhost"));
    }

    private static Scenario scenario(Role target, Expectation expected, List<String> options, Fault... faults) {
        return new Scenario("test", 0, TlsVersion.TLS_1_3, target, options, List.of(faults), expected);
    }

    @Test
    void validHandshakeCompletesInBothRoles() {
        for (Role role : Role.values()) {
            ScenarioOutcome o = RUNNER.play(reference(role, null),
                    scenario(role, new Expectation.Accept("2"), List.of()));
            assertInstanceOf(Observation.Completed.class, o.play().observation(), String.join("\n", o.play().trace()));
        }
    }

    @Test
    void flippedFinishedBitDrawsDecryptErrorFromBothRoles() {
        for (Role role : Role.values()) {
            ScenarioOutcome o = RUNNER.play(reference(role, null), scenario(role,
                    Expectation.Reject.of("4.4.4", AlertDescription.DECRYPT_ERROR), List.of(),
                    new Fault.Mutate(HandshakeType.FINISHED, new Mutation.FlipBit(7))));
            Observation.Alert alert = assertInstanceOf(Observation.Alert.class, o.play().observation(),
                    String.join("\n", o.play().trace()));
            assertEquals(AlertDescription.DECRYPT_ERROR, alert.description());
            assertTrue(o.play().trace().stream().anyMatch(l -> l.contains("Finished") && l.contains("[modified]")),
                    String.join("\n", o.play().trace()));
        }
    }

    @Test
    void aClientThatAcceptsAnyChainIsCaught() {
        // A deliberately broken target: the expired-certificate scenario must then be judged a deviation.
        Scenario expired = scenario(Role.CLIENT, Expectation.Reject.of("4.4.2.4",
                AlertDescription.CERTIFICATE_EXPIRED), List.of(), new Fault.PresentCertificate("EXPIRED"));
        ScenarioOutcome lax = RUNNER.play(reference(Role.CLIENT, PeerVerifier.acceptAny()), expired);
        assertInstanceOf(Observation.Completed.class, lax.play().observation(), String.join("\n", lax.play().trace()));
        assertEquals("exact: fail, alert: fail, close: fail", lax.judgement().levelsSummary());
        ScenarioOutcome strict = RUNNER.play(reference(Role.CLIENT, null), expired);
        assertTrue(strict.passed(), String.join("\n", strict.play().trace()));
    }

    @Test
    void aFaultThatNeverFiresIsNotAPass() {
        // A client peer without client authentication sends no Certificate: dropping it cannot happen.
        ScenarioOutcome o = RUNNER.play(reference(Role.SERVER, null), scenario(Role.SERVER,
                new Expectation.Accept("2"), List.of(), new Fault.Drop(HandshakeType.CERTIFICATE)));
        assertInstanceOf(Observation.NotPlayable.class, o.play().observation());
        assertTrue(!o.passed());
    }
}
