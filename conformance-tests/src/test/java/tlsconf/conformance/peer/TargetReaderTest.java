package tlsconf.conformance.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.check.Catalogue;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.Connection;
import tlsconf.conformance.target.ReferenceTarget;
import tlsconf.conformance.verdict.Judge;
import tlsconf.conformance.verdict.Observation;
import tlsconf.conformance.verdict.PlayResult;
import tlsconf.conformance.verdict.Strictness;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.TestPki;
import tlsconf.impl.tls12.KeyBlock;
import tlsconf.impl.tls12.Tls12CipherSuite;
import tlsconf.impl.tls12.Tls12Protection;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * What the peer reads back when the target's records are not what its engine expects: the reference TLS 1.2 client
 * as the target, its byte stream rewritten on the way to the peer the way wolfSSL 5.5.4 behaves on the wire (a
 * plaintext alert after its own ChangeCipherSpec; a warning no_renegotiation in the middle of the handshake), or with
 * its refusal turned into a warning and its close suppressed; and the reference TLS 1.3 server with a plaintext
 * alert in the middle of its protected flight.
 */
class TargetReaderTest {
    private static final TestPki PKI = TestPki.shared();
    private static final byte[] WARNING_NO_RENEGOTIATION = Records.plaintext(21,
            new byte[] {(byte) AlertLevel.WARNING.code(), (byte) AlertDescription.NO_RENEGOTIATION.code()});

    /** How a rewritten connection ends. */
    private enum End {
        /** As the target ends it. */
        AS_TARGET,
        /** Right after the rewritten read. */
        EOF_AFTER_REWRITE,
        /** Never: the target's close is suppressed, so the peer meets silence. */
        SILENCE_FOR_EOF
    }

    /** The reference client target whose n-th read ({@code at}, from 0; every read if negative) is rewritten. */
    private static final class Rewriting implements Connection {
        private final Connection inner;
        private final int at;
        private final UnaryOperator<byte[]> rewrite;
        private final End end;
        private int reads;
        private boolean ended;

        Rewriting(Connection inner, int at, UnaryOperator<byte[]> rewrite, End end) {
            this.inner = inner;
            this.at = at;
            this.rewrite = rewrite;
            this.end = end;
        }

        @Override
        public void send(byte[] bytes) {
            inner.send(bytes);
        }

        @Override
        public Received receive(Duration timeout) {
            if (ended) {
                return new Received.Eof();
            }
            Received r = inner.receive(timeout);
            if (r instanceof Received.Eof && end == End.SILENCE_FOR_EOF) {
                return new Received.Silence();
            }
            if (!(r instanceof Received.Data d) || (reads++ != at && at >= 0)) {
                return r;
            }
            ended = end == End.EOF_AFTER_REWRITE;
            return new Received.Data(rewrite.apply(d.bytes()));
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static Scenario scenario(String check, int index) {
        return Catalogue.all().stream().filter(c -> c.id().equals(check)).findFirst().orElseThrow()
                .scenarios(TlsVersion.TLS_1_2, Role.CLIENT, Profile.QUICK, 1).get(index);
    }

    private static PlayResult play(Scenario s, int at, UnaryOperator<byte[]> rewrite, End end) {
        return play(new ReferenceTarget(s.targetRole(), PKI, x -> "localhost"), s, at, rewrite, end);
    }

    private static PlayResult play(ReferenceTarget target, Scenario s, int at, UnaryOperator<byte[]> rewrite,
                                   End end) {
        return new ReferencePeer(PKI, Duration.ofMillis(300), "localhost")
                .play(s, new Rewriting(target.open(s), at, rewrite, end));
    }

    /** Every alert record of {@code stream} replaced by a plaintext alert of {@code level} and {@code description}. */
    private static byte[] alertsInPlaintext(byte[] stream, AlertLevel level, AlertDescription description) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] r : Records.scan(stream)) {
            if (r[0] == 21) {
                out.writeBytes(Records.plaintext(21, new byte[] {(byte) level.code(), (byte) description.code()}));
            } else {
                out.write(stream, r[1], Records.HEADER + r[2]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] prefixed(byte[] first, byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(rest);
        return out.toByteArray();
    }

    @Test
    void aPlaintextAlertAfterTheTargetsChangeCipherSpecIsReadAndFailsOnlyAtExact() {
        // The reference client refuses a corrupted Finished with decrypt_error, protected (after its CCS); here the
        // alert record arrives in plaintext instead, as wolfSSL sends its alerts after its ChangeCipherSpec.
        Scenario s = scenario("tls12.finished.corrupted", 0);
        PlayResult r = play(s, -1, b -> alertsInPlaintext(b, AlertLevel.FATAL, AlertDescription.DECRYPT_ERROR), End.AS_TARGET);
        String trace = String.join("\n", r.trace());
        Observation.Alert a = assertInstanceOf(Observation.Alert.class, r.observation(), trace);
        assertEquals(AlertDescription.DECRYPT_ERROR, a.description(), trace);
        assertEquals(Observation.Carriage.UNPROTECTED_AFTER_CHANGE_CIPHER_SPEC, a.carriage(), trace);
        assertTrue(a.describe().contains("RFC 5246 §7.1"), a.describe());
        assertEquals("exact: fail, alert: pass, close: pass",
                Judge.judge(s.expected(), a, Strictness.EXACT).levelsSummary());
    }

    @Test
    void aProtectedAlertAfterTheTargetsChangeCipherSpecTravelledAsDue() {
        // The reference client's own decrypt_error under its keys (26 bytes: alert, explicit nonce, tag).
        Scenario s = scenario("tls12.finished.corrupted", 0);
        PlayResult r = play(s, -1, b -> b, End.AS_TARGET);
        String trace = String.join("\n", r.trace());
        Observation.Alert a = assertInstanceOf(Observation.Alert.class, r.observation(), trace);
        assertEquals(AlertDescription.DECRYPT_ERROR, a.description(), trace);
        assertEquals(Observation.Carriage.AS_DUE, a.carriage(), trace);
    }

    @Test
    void aWarningDuringTheHandshakeIsNotTheReactionWhenTheHandshakeCompletes() {
        Scenario s = scenario("tls12.order.hello-request-during-handshake", 0);
        PlayResult r = play(s, 1, b -> prefixed(WARNING_NO_RENEGOTIATION, b), End.AS_TARGET);
        String trace = String.join("\n", r.trace());
        assertInstanceOf(Observation.Completed.class, r.observation(), trace);
        assertTrue(trace.contains("no_renegotiation"), trace);
        assertTrue(Judge.judge(s.expected(), r.observation(), Strictness.EXACT).passed());
    }

    @Test
    void aWarningThenACloseIsAClose() {
        Scenario s = scenario("tls12.order.hello-request-during-handshake", 0);
        PlayResult r = play(s, 1, b -> WARNING_NO_RENEGOTIATION, End.EOF_AFTER_REWRITE);
        String trace = String.join("\n", r.trace());
        Observation.Closed c = assertInstanceOf(Observation.Closed.class, r.observation(), trace);
        assertEquals(AlertDescription.NO_RENEGOTIATION, c.afterWarning().description());
        assertEquals("exact: fail, alert: fail, close: fail",
                Judge.judge(s.expected(), c, Strictness.EXACT).levelsSummary());
    }

    @Test
    void aWarningThenSilenceAfterThePeersFinishedStaysTheReaction() {
        // The reference client refuses the corrupted server Finished; its alert arrives as a plaintext warning
        // decrypt_error and its close never comes. Silence after our Finished would otherwise read as acceptance,
        // but a warning followed by silence stays the reaction (RFC 5246 §7.2.2).
        Scenario s = scenario("tls12.finished.corrupted", 0);
        PlayResult r = play(s, -1, b -> alertsInPlaintext(b, AlertLevel.WARNING, AlertDescription.DECRYPT_ERROR),
                End.SILENCE_FOR_EOF);
        String trace = String.join("\n", r.trace());
        Observation.Alert a = assertInstanceOf(Observation.Alert.class, r.observation(), trace);
        assertEquals(AlertLevel.WARNING, a.level(), trace);
        assertEquals(AlertDescription.DECRYPT_ERROR, a.description(), trace);
    }

    /**
     * A reference client target that, once the peer has nothing more to say, sends one warning no_renegotiation under
     * its client write key (record 1, after its Finished) and then stays silent, as wolfSSL 5.5.4 declines a
     * HelloRequest between the peer's ChangeCipherSpec and Finished. The keys come from the target's key log and the
     * randoms on the wire (RFC 5246 §6.3).
     */
    private static final class DecliningLate implements Connection {
        private final Connection inner;
        private final byte[][] logged;
        private byte[] serverHello;
        private boolean declined;

        DecliningLate(Connection inner, byte[][] logged) {
            this.inner = inner;
            this.logged = logged;
        }

        @Override
        public void send(byte[] bytes) {
            if (serverHello == null) {
                serverHello = bytes.clone();
            }
            inner.send(bytes);
        }

        @Override
        public Received receive(Duration timeout) {
            Received r = inner.receive(timeout);
            if (r instanceof Received.Data) {
                return r;
            }
            if (!declined && logged[1] != null) {
                declined = true;
                return new Received.Data(sealedWarning());
            }
            return new Received.Silence();
        }

        /** The ServerHello record: 5 header, 4 handshake header, 2 version, 32 random, session id, cipher suite. */
        private byte[] sealedWarning() {
            try {
                byte[] serverRandom = Arrays.copyOfRange(serverHello, 11, 43);
                int suiteAt = 44 + (serverHello[43] & 0xff);
                Tls12CipherSuite suite = Tls12CipherSuite.fromCode(((serverHello[suiteAt] & 0xff) << 8)
                        | (serverHello[suiteAt + 1] & 0xff)).orElseThrow();
                Tls12Protection p = KeyBlock.derive(suite, logged[1], logged[0], serverRandom).clientWrite(suite);
                p.protect(22, new byte[16], 0, 16);
                byte[] warning = {(byte) AlertLevel.WARNING.code(), (byte) AlertDescription.NO_RENEGOTIATION.code()};
                return Records.plaintext(21, p.protect(21, warning, 0, 2));
            } catch (TlsAlertException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void aWarningNoRenegotiationThenSilenceAfterThePeersFinishedIsCompletion() {
        // Declining the HelloRequest refuses nothing of the handshake, which the client completed: silence after
        // that warning is still acceptance (wolfSSL seed 1 passes this check for it).
        Scenario s = scenario("tls12.order.hello-request-during-handshake", 2);
        assertTrue(s.describe().contains("before Finished"), s.describe());
        byte[][] logged = new byte[2][];
        ReferenceTarget target = new ReferenceTarget(Role.CLIENT, PKI, x -> "localhost", b -> b.keyLog(
                (label, random, secret) -> {
                    if (label.equals("CLIENT_RANDOM")) {
                        logged[0] = random.clone();
                        logged[1] = secret.clone();
                    }
                }));
        PlayResult r = new ReferencePeer(PKI, Duration.ofMillis(300), "localhost")
                .play(s, new DecliningLate(target.open(s), logged));
        String trace = String.join("\n", r.trace());
        assertTrue(trace.contains("warning alert no_renegotiation"), trace);
        assertInstanceOf(Observation.Completed.class, r.observation(), trace);
    }

    /** The last protected record of {@code stream} replaced by a plaintext fatal alert of {@code description}. */
    private static byte[] lastProtectedAsPlaintextAlert(byte[] stream, AlertDescription description) {
        int last = -1;
        for (int[] r : Records.scan(stream)) {
            if (r[0] == 23) {
                last = r[1];
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] r : Records.scan(stream)) {
            if (r[1] == last) {
                out.writeBytes(Records.plaintext(21, new byte[] {2, (byte) description.code()}));
            } else {
                out.write(stream, r[1], Records.HEADER + r[2]);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aTls13PlaintextAlertTheRecordLayerTakesUnderHandshakeKeysIsMarkedUnprotected() {
        // The reference TLS 1.3 server's flight in records of at most 512 bytes, its last protected record (the end
        // of its flight) replaced by a plaintext alert: the peer's record layer takes a plaintext alert while it
        // reads under handshake keys, but the target had protected its records by then (RFC 8446 §6).
        Scenario s = Catalogue.all().stream().filter(c -> c.id().equals("tls13.finished.corrupted")).findFirst()
                .orElseThrow().scenarios(TlsVersion.TLS_1_3, Role.SERVER, Profile.QUICK, 1).get(0);
        ReferenceTarget target = new ReferenceTarget(Role.SERVER, PKI, x -> "localhost", b -> b.maxFragment(512));
        PlayResult r = play(target, s, 0, b -> lastProtectedAsPlaintextAlert(b, AlertDescription.HANDSHAKE_FAILURE),
                End.AS_TARGET);
        String trace = String.join("\n", r.trace());
        Observation.Alert a = assertInstanceOf(Observation.Alert.class, r.observation(), trace);
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, a.description(), trace);
        assertTrue(trace.contains("(plaintext)"), "the peer's record layer took it: " + trace);
        assertEquals(Observation.Carriage.UNPROTECTED_UNDER_TRAFFIC_KEYS, a.carriage(), trace);
    }
}
