package tlsconf.conformance.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.verdict.Observation;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Records the peer's engine could not open, read as what they are: the shapes come from the wire (the JDK's TLS 1.3
 * client alert after a repeated ServerHello is 35 bytes under keys the peer never had, then it closes; TLS 1.2 keeps
 * the alert content type outside, RFC 5246 §6.2.3).
 */
class SealedAlertsTest {
    private static final PeerSecrets NONE = new PeerSecrets();

    private static byte[] record(int type, int length) {
        byte[] r = new byte[Records.HEADER + length];
        r[0] = (byte) type;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) (length >>> 8);
        r[4] = (byte) length;
        Arrays.fill(r, Records.HEADER, r.length, (byte) 0x5c);
        return r;
    }

    private static Observation read(byte[] rec, boolean last, TlsVersion v, boolean closes) {
        return SealedAlerts.read(rec, last, v, HandshakeType.SERVER_HELLO, NONE, new ArrayList<>(), () -> closes);
    }

    @Test
    void aSealedTls12AlertRecordIsAnAlertOfUnknownDescription() {
        // 2 bytes of alert + 8 of explicit nonce + 16 of GCM tag.
        Observation o = read(record(21, 26), false, TlsVersion.TLS_1_2, false);
        Observation.EncryptedAlert a = assertInstanceOf(Observation.EncryptedAlert.class, o);
        assertEquals(26, a.recordLength());
        assertTrue(a.why().contains("ServerHello"), a.why());
    }

    @Test
    void aPlaintextAlertWhereProtectionWasDueIsReadAsIs() {
        byte[] rec = Records.plaintext(21, new byte[] {2, 10});
        Observation.Alert a = assertInstanceOf(Observation.Alert.class, read(rec, true, TlsVersion.TLS_1_2, false));
        assertEquals(AlertLevel.FATAL, a.level());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, a.description());
    }

    @Test
    void tls13RecordsTooSmallForAnyHandshakeMessageAreAlerts() {
        assertInstanceOf(Observation.EncryptedAlert.class, read(record(23, 19), true, TlsVersion.TLS_1_3, false));
        assertNull(read(record(23, 19), false, TlsVersion.TLS_1_3, false), "followed by more records: no alert");
    }

    @Test
    void aPaddedTls13AlertCountsOnlyWhenTheTargetClosesRightAfterIt() {
        assertInstanceOf(Observation.EncryptedAlert.class, read(record(23, 35), true, TlsVersion.TLS_1_3, true));
        assertNull(read(record(23, 35), true, TlsVersion.TLS_1_3, false), "a target that waits went on");
        assertNull(read(record(23, 300), true, TlsVersion.TLS_1_3, true), "too long for an alert");
        assertNull(read(record(22, 40), true, TlsVersion.TLS_1_2, true), "a TLS 1.2 handshake record is none");
    }

    @Test
    void anAlertUnderAKeyThePeerHasIsOpenedAndRead() throws Exception {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        PeerSecrets secrets = new PeerSecrets();
        secrets.put("CLIENT_HANDSHAKE_TRAFFIC_SECRET", secret);
        byte[] rec = PeerSecrets.seal(secret, 2, 21, new byte[] {2, 47});
        List<String> trace = new ArrayList<>();
        Observation o = SealedAlerts.read(rec, true, TlsVersion.TLS_1_3, null, secrets, trace, () -> false);
        Observation.Alert a = assertInstanceOf(Observation.Alert.class, o, String.join("\n", trace));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, a.description());
        assertTrue(trace.get(0).contains("CLIENT_HANDSHAKE_TRAFFIC_SECRET, record 2"), trace.toString());
    }

    @Test
    void aSmallRecordThatOpensAsAHandshakeMessageIsNoAlert() throws Exception {
        // Under a key the peer has, a short handshake message (a 4-byte header, 21 bytes sealed: the size of a bare
        // alert or a little more) and a padded one the target closes after: opened, they prove the target went on.
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        PeerSecrets secrets = new PeerSecrets();
        secrets.put("SERVER_HANDSHAKE_TRAFFIC_SECRET", secret);
        byte[] bare = PeerSecrets.seal(secret, 1, 22, new byte[] {8, 0, 0, 0});
        assertEquals(Records.HEADER + 21, bare.length);
        assertNull(SealedAlerts.read(bare, true, TlsVersion.TLS_1_3, HandshakeType.SERVER_HELLO, secrets,
                new ArrayList<>(), () -> true), "an empty EncryptedExtensions is the target's record");
        byte[] padded = PeerSecrets.seal(secret, 0, 22, new byte[] {8, 0, 0, 2, 0, 0});
        assertNull(SealedAlerts.read(padded, true, TlsVersion.TLS_1_3, HandshakeType.SERVER_HELLO, secrets,
                new ArrayList<>(), () -> true), "followed by a close, still the target's record");
    }

    @Test
    void theSecureRenegotiationClientHelloCarriesTheVerifyDataAndNoScsv() throws Exception {
        byte[] verify = new byte[12];
        Arrays.fill(verify, (byte) 0xab);
        // A TLS 1.2 ClientHello with the SCSV and an empty renegotiation_info, as an initial one may carry.
        tlsconf.impl.message.ClientHello initial = new tlsconf.impl.message.ClientHello(0x0303, new byte[32],
                new byte[] {1, 2}, List.of(0xc02b, Renegotiation.SCSV), new byte[] {0},
                tlsconf.impl.message.Extensions.of(new tlsconf.impl.message.Extension(0xff01, new byte[] {0})));
        byte[] renego = Renegotiation.secureClientHello(initial.encode(), verify);
        assertNull(Renegotiation.clientHelloProblem(Records.body(renego), verify));
        String problem = Renegotiation.clientHelloProblem(Records.body(initial.encode()), verify);
        assertTrue(problem.contains("SCSV"), problem);
        byte[] other = verify.clone();
        other[0] = 0;
        assertFalse(Renegotiation.clientHelloProblem(Records.body(renego), other) == null);
    }
}
