package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.check.Catalogue;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.peer.ReferencePeer;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.Connection;
import tlsconf.conformance.target.ReferenceTarget;
import tlsconf.conformance.verdict.Judge;
import tlsconf.conformance.verdict.Observation;
import tlsconf.conformance.verdict.PlayResult;
import tlsconf.conformance.verdict.Strictness;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * A client that ignores a HelloRequest says nothing: silence alone must not pass, so the peer closes and wants an
 * answer. The target here is the reference client with its no_renegotiation warning hidden on the wire.
 */
class HelloRequestIgnoredTest {
    private static final TestPki PKI = TestPki.shared();

    /** The reference client target, minus its first alert record; optionally closing when the peer sends one. */
    private static final class Ignoring implements Connection {
        private final Connection inner;
        private final boolean closesOnPeerAlert;
        private boolean hidden;
        private boolean eof;

        Ignoring(Connection inner, boolean closesOnPeerAlert) {
            this.inner = inner;
            this.closesOnPeerAlert = closesOnPeerAlert;
        }

        @Override
        public void send(byte[] bytes) {
            if (closesOnPeerAlert && hidden && hasAlert(bytes)) {
                eof = true;
            }
            inner.send(bytes);
        }

        @Override
        public Received receive(Duration timeout) {
            if (eof) {
                return new Received.Eof();
            }
            Received r = inner.receive(timeout);
            if (!(r instanceof Received.Data d) || hidden || !hasAlert(d.bytes())) {
                return r;
            }
            hidden = true;
            byte[] rest = withoutFirstAlert(d.bytes());
            return rest.length == 0 ? new Received.Silence() : new Received.Data(rest);
        }

        @Override
        public void close() {
            inner.close();
        }

        private static boolean hasAlert(byte[] stream) {
            return withoutFirstAlert(stream).length != stream.length;
        }

        private static byte[] withoutFirstAlert(byte[] stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean dropped = false;
            int p = 0;
            while (p + 5 <= stream.length) {
                int len = ((stream[p + 3] & 0xff) << 8) | (stream[p + 4] & 0xff);
                if (!dropped && stream[p] == 21) {
                    dropped = true;
                } else {
                    out.write(stream, p, Math.min(5 + len, stream.length - p));
                }
                p += 5 + len;
            }
            return out.toByteArray();
        }
    }

    private static PlayResult play(boolean closesOnPeerAlert) {
        Scenario s = Catalogue.all().stream().filter(c -> c.id().equals("tls12.order.hello-request")).findFirst()
                .orElseThrow().scenarios(TlsVersion.TLS_1_2, Role.CLIENT, Profile.QUICK, 1).get(0);
        ReferenceTarget target = new ReferenceTarget(Role.CLIENT, PKI, x -> "localhost");
        return new ReferencePeer(PKI, Duration.ofMillis(200), "localhost")
                .play(s, new Ignoring(target.open(s), closesOnPeerAlert));
    }

    @Test
    void silenceThenACloseOnThePeersCloseNotifyIsIgnoring() {
        PlayResult r = play(true);
        Observation.Continued c = assertInstanceOf(Observation.Continued.class, r.observation(),
                String.join("\n", r.trace()));
        assertTrue(c.evidence().contains("close_notify"), c.evidence());
        assertTrue(r.trace().stream().anyMatch(l -> l.contains("peer -> close_notify")), r.trace().toString());
    }

    @Test
    void silenceAloneIsNoAnswer() {
        PlayResult r = play(false);
        assertInstanceOf(Observation.Timeout.class, r.observation(), String.join("\n", r.trace()));
        assertEquals("exact: fail, alert: fail, close: fail", Judge.judge(
                Catalogue.all().stream().filter(c -> c.id().equals("tls12.order.hello-request")).findFirst()
                        .orElseThrow().scenarios(TlsVersion.TLS_1_2, Role.CLIENT, Profile.QUICK, 1).get(0).expected(),
                r.observation(), Strictness.EXACT).levelsSummary());
    }
}
