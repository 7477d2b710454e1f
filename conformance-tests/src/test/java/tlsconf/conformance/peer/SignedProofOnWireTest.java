package tlsconf.conformance.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.check.Catalogue;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.verdict.Observation;
import tlsconf.conformance.verdict.PlayResult;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * A CertificateVerify defect that never reached the wire (the target offered no scheme the peer's key fits, so the
 * peer's client answered with an empty Certificate and the target went on) is "not playable", never a failure or a
 * pass; once the peer signed, what the target did stands.
 */
class SignedProofOnWireTest {
    private static Scenario scenario(String id, TlsVersion v, Role targetRole) {
        return Catalogue.all().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()
                .scenarios(v, targetRole, Profile.QUICK, 1).get(0);
    }

    @Test
    void anUnsignedCertificateVerifyDefectIsNotPlayable() {
        Scenario s = scenario("tls13.certificate-verify.scheme-not-usable", TlsVersion.TLS_1_3, Role.SERVER);
        PlayResult completed = new PlayResult(new Observation.Completed(), List.of(
                "peer -> ClientHello (plaintext, 152 bytes)", "target -> CertificateRequest (handshake)",
                "peer -> Certificate (handshake, 8 bytes)", "peer -> Finished (handshake, 36 bytes)"));
        PlayResult judged = ReferencePeer.signedProofOnWire(s, completed);
        Observation.NotPlayable np = assertInstanceOf(Observation.NotPlayable.class, judged.observation());
        assertTrue(np.describe().contains("never sent its CertificateVerify"), np.describe());
        assertTrue(judged.trace().get(judged.trace().size() - 1).startsWith("not playable: "));
    }

    @Test
    void aSignedDefectKeepsTheTargetsReaction() {
        Scenario s = scenario("tls13.certificate-verify.scheme-not-usable", TlsVersion.TLS_1_3, Role.CLIENT);
        PlayResult alert = new PlayResult(Observation.Alert.of(tlsconf.model.vocabulary.AlertLevel.FATAL,
                tlsconf.model.vocabulary.AlertDescription.DECRYPT_ERROR), List.of(
                "peer -> Certificate (handshake, 500 bytes)", "peer -> CertificateVerify (handshake, 264 bytes)"));
        assertSame(alert, ReferencePeer.signedProofOnWire(s, alert));
    }

    @Test
    void tls12ServerPeersSignTheirServerKeyExchange() {
        Scenario s = scenario("tls12.certificate-verify.signed-with-other-key", TlsVersion.TLS_1_2, Role.CLIENT);
        PlayResult signed = new PlayResult(new Observation.Completed(), List.of(
                "peer -> ServerKeyExchange (plaintext, 120 bytes)"));
        assertSame(signed, ReferencePeer.signedProofOnWire(s, signed));
        PlayResult unsigned = new PlayResult(new Observation.Completed(), List.of(
                "peer -> CertificateVerify (plaintext, 120 bytes)"));
        assertEquals(Observation.NotPlayable.class,
                ReferencePeer.signedProofOnWire(s, unsigned).observation().getClass());
    }
}
