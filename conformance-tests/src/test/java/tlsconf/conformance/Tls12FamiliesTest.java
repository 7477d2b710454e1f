package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.check.Catalogue;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.peer.ReferencePeer;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.run.Runner;
import tlsconf.conformance.run.ScenarioOutcome;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.ReferenceTarget;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.conformance.verdict.Observation;
import tlsconf.impl.PeerVerifier;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** The TLS 1.2 families added for issue 6: catalogue entries as data, and played against the real reference. */
class Tls12FamiliesTest {
    private static final TestPki PKI = TestPki.shared();
    private static final Runner RUNNER = new Runner(List.of(), RunOptions.defaults(1), KnownDeviations.none());
    private static final Map<String, Check> CHECKS = Catalogue.all().stream()
            .collect(Collectors.toMap(Check::id, Function.identity()));

    private static final List<String> PLAYABLE = List.of("tls12.finished.forged", "tls12.finished.reflected",
            "tls12.finished.wrong-length", "tls12.order.skip-client-certificate-verify", "tls12.order.repeated-ccs",
            "tls12.order.ccs-after-finished", "tls12.order.app-data-before-finished",
            "tls12.certificate.expired", "tls12.certificate.unknown-ca", "tls12.certificate.empty-certificate-list",
            "tls12.certificate-verify.signed-with-other-key", "tls12.record.fragmented-handshake",
            "tls12.record.oversize", "tls12.record.unknown-content-type", "tls12.record.bad-mac",
            "tls12.order.server-key-exchange-under-rsa", "tls12.message.length-mismatch",
            "tls12.message.unknown-extension", "tls12.message.unsolicited-extension",
            "tls12.order.hello-request", "tls12.order.hello-request-during-handshake");

    private static Harness reference(Role role, PeerVerifier targetVerifier) {
        ReferenceTarget target = targetVerifier == null ? new ReferenceTarget(role, PKI, s -> "localhost")
                : new ReferenceTarget(role, PKI, s -> "localhost", b -> b.peerVerifier(targetVerifier));
        return new Harness(target, new ReferencePeer(PKI, Duration.ofSeconds(2), "localhost"));
    }

    private static List<Scenario> scenarios(String id, Role targetRole) {
        return CHECKS.get(id).scenarios(TlsVersion.TLS_1_2, targetRole, Profile.QUICK, 1);
    }

    private static String trace(ScenarioOutcome o) {
        return String.join("\n", o.play().trace());
    }

    @Test
    void everyNewCheckCitesRfc5246AndAppliesOnlyToTls12() {
        for (String id : PLAYABLE) {
            Check c = CHECKS.get(id);
            assertNotNull(c, id);
            assertEquals(5246, c.requirement().rfc(), id);
            assertFalse(c.requirement().section().isBlank(), id);
            assertTrue(c.applicability().versions().equals(java.util.Set.of(TlsVersion.TLS_1_2)), id);
            assertEquals(null, c.pending(), id);
        }
    }

    @Test
    void anEmptyClientChainExpectsHandshakeFailureNotTheTls13Alert() {
        Scenario s = scenarios("tls12.certificate.empty-certificate-list", Role.SERVER).get(0);
        Expectation.RejectOrContinue either = assertInstanceOf(Expectation.RejectOrContinue.class, s.expected());
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, either.reject().preferred());
        assertFalse(either.reject().acceptable().contains(AlertDescription.CERTIFICATE_REQUIRED));
    }

    @Test
    void theReferencePassesEveryScenarioOfTheNewChecksInBothRoles() {
        for (String id : PLAYABLE) {
            for (Role role : Role.values()) {
                if (!CHECKS.get(id).applicability().targetRoles().contains(role)) {
                    continue;
                }
                for (Scenario s : scenarios(id, role)) {
                    ScenarioOutcome o = RUNNER.play(reference(role, null), s);
                    assertTrue(o.passed(), id + " " + role + "\n" + trace(o));
                    assertFalse(o.play().observation() instanceof Observation.NotPlayable, trace(o));
                }
            }
        }
    }

    @Test
    void aReflectedFinishedIsActuallySentAndRefusedWithDecryptError() {
        ScenarioOutcome o = RUNNER.play(reference(Role.CLIENT, null),
                scenarios("tls12.finished.reflected", Role.CLIENT).get(0));
        Observation.Alert alert = assertInstanceOf(Observation.Alert.class, o.play().observation(), trace(o));
        assertEquals(AlertDescription.DECRYPT_ERROR, alert.description());
        assertTrue(o.play().trace().stream().anyMatch(l -> l.contains("Finished") && l.contains("[modified]")),
                trace(o));
    }

    @Test
    void freakScenarioNegotiatesRsaKeyTransportAndInjectsTheServerKeyExchange() {
        ScenarioOutcome o = RUNNER.play(reference(Role.CLIENT, null),
                scenarios("tls12.order.server-key-exchange-under-rsa", Role.CLIENT).get(0));
        Observation.Alert alert = assertInstanceOf(Observation.Alert.class, o.play().observation(), trace(o));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, alert.description(), trace(o));
        // The peer's own engine sent no ServerKeyExchange (RSA key transport); the one on the wire is injected.
        assertFalse(o.play().trace().stream().anyMatch(l -> l.startsWith("peer -> ServerKeyExchange")), trace(o));
        assertTrue(o.play().trace().stream().anyMatch(l -> l.startsWith("peer -> inject handshake record")),
                trace(o));
    }

    @Test
    void aCorruptedFinishedRecordDrawsBadRecordMac() {
        for (Role role : Role.values()) {
            ScenarioOutcome o = RUNNER.play(reference(role, null), scenarios("tls12.record.bad-mac", role).get(0));
            Observation.Alert alert = assertInstanceOf(Observation.Alert.class, o.play().observation(), trace(o));
            assertEquals(AlertDescription.BAD_RECORD_MAC, alert.description(), trace(o));
        }
    }

    @Test
    void aTls12ClientThatAcceptsAnyChainIsCaught() {
        // A deliberately broken target: it must be judged a deviation, at every strictness.
        Scenario expired = scenarios("tls12.certificate.expired", Role.CLIENT).get(0);
        ScenarioOutcome lax = RUNNER.play(reference(Role.CLIENT, PeerVerifier.acceptAny()), expired);
        assertInstanceOf(Observation.Completed.class, lax.play().observation(), trace(lax));
        assertEquals("exact: fail, alert: fail, close: fail", lax.judgement().levelsSummary());
    }
}
