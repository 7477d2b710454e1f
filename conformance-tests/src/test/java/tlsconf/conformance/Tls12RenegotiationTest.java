package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Mutation;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.ReferenceTarget;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.conformance.verdict.Observation;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** The TLS 1.2 renegotiation and model-driven order checks, played against the real reference in both roles. */
class Tls12RenegotiationTest {
    private static final TestPki PKI = TestPki.shared();
    private static final Runner RUNNER = new Runner(List.of(), RunOptions.defaults(1), KnownDeviations.none());
    private static final Map<String, Check> CHECKS = Catalogue.all().stream()
            .collect(Collectors.toMap(Check::id, Function.identity()));

    private static Harness reference(Role role) {
        return new Harness(new ReferenceTarget(role, PKI, s -> "localhost"),
                new ReferencePeer(PKI, Duration.ofSeconds(2), "localhost"));
    }

    private static List<Scenario> scenarios(String id, Role role, Profile profile) {
        return CHECKS.get(id).scenarios(TlsVersion.TLS_1_2, role, profile, 1);
    }

    private static ScenarioOutcome play(Role role, Scenario s) {
        return RUNNER.play(reference(role), s);
    }

    private static String trace(ScenarioOutcome o) {
        return String.join("\n", o.play().trace());
    }

    @Test
    void theReferenceClientAnswersAHelloRequestWithTheWarningAndStaysUp() {
        ScenarioOutcome o = play(Role.CLIENT, scenarios("tls12.order.hello-request", Role.CLIENT, Profile.QUICK)
                .get(0));
        Observation.Alert a = assertInstanceOf(Observation.Alert.class, o.play().observation(), trace(o));
        assertEquals(AlertLevel.WARNING, a.level());
        assertEquals(AlertDescription.NO_RENEGOTIATION, a.description());
        assertEquals("exact: pass, alert: pass, close: pass", o.judgement().levelsSummary());
        assertTrue(o.play().trace().stream().anyMatch(l -> l.startsWith("peer -> inject handshake record")),
                trace(o));
    }

    @Test
    void theReferenceServerDeclinesBothRenegotiationClientHellos() {
        for (String id : List.of("tls12.order.client-hello-after-handshake", "tls12.order.secure-renegotiation")) {
            ScenarioOutcome o = play(Role.SERVER, scenarios(id, Role.SERVER, Profile.QUICK).get(0));
            Observation.Alert a = assertInstanceOf(Observation.Alert.class, o.play().observation(), trace(o));
            assertEquals(AlertDescription.NO_RENEGOTIATION, a.description(), trace(o));
            assertTrue(o.passed(), trace(o));
        }
    }

    @Test
    void aHelloRequestDuringTheHandshakeIsIgnored() {
        for (Scenario s : scenarios("tls12.order.hello-request-during-handshake", Role.CLIENT, Profile.QUICK)) {
            ScenarioOutcome o = play(Role.CLIENT, s);
            assertInstanceOf(Observation.Completed.class, o.play().observation(), trace(o));
        }
        // the third one arrives between our ChangeCipherSpec and Finished, i.e. under the new keys
        Scenario late = scenarios("tls12.order.hello-request-during-handshake", Role.CLIENT, Profile.QUICK).stream()
                .filter(s -> s.describe().contains("before Finished")).findFirst().orElseThrow();
        List<String> lines = play(Role.CLIENT, late).play().trace();
        int ccs = lines.indexOf("peer -> ChangeCipherSpec");
        int request = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("peer -> inject handshake record") && lines.get(i).endsWith("before Finished")) {
                request = i;
            }
        }
        int finished = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("peer -> Finished")) {
                finished = i;
            }
        }
        assertTrue(ccs >= 0 && request > ccs, String.join("\n", lines));
        // the trace keeps the order of the wire: the injected record before the Finished it precedes
        assertTrue(finished > request, String.join("\n", lines));
    }

    @Test
    void badRecordMacAfterAChangedHelloMeansTheTargetWentOn() {
        // The reference server takes an unknown ClientHello extension and goes on; its extended master secret
        // covers our changed ClientHello, so our Finished does not open there: bad_record_mac, i.e. it continued.
        Scenario s = new Scenario("test.bad-record-mac-continued", 0, TlsVersion.TLS_1_2, Role.SERVER, List.of(),
                List.of(new Fault.Mutate(HandshakeType.CLIENT_HELLO, new Mutation.AddExtension(0x1a1a, ""))),
                Expectation.Reject.of("7.4.1.4", AlertDescription.UNSUPPORTED_EXTENSION));
        ScenarioOutcome o = play(Role.SERVER, s);
        Observation.Continued c = assertInstanceOf(Observation.Continued.class, o.play().observation(), trace(o));
        assertTrue(c.evidence().contains("bad_record_mac"), c.evidence());
        assertEquals("exact: fail, alert: fail, close: fail", o.judgement().levelsSummary());
        assertTrue(o.play().trace().stream().anyMatch(l -> l.contains("alert fatal alert bad_record_mac")), trace(o));
    }

    @Test
    void theReferencePassesEveryModelDeviationInBothRoles() {
        for (Role role : Role.values()) {
            List<Scenario> all = scenarios("tls12.order.model-deviations", role, Profile.DEFAULT);
            assertTrue(all.size() > 60, role + ": " + all.size());
            for (Scenario s : all) {
                ScenarioOutcome o = play(role, s);
                assertTrue(o.passed(), role + " " + s.describe() + "\n" + trace(o));
            }
        }
    }
}
