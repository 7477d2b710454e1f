package tlsconf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tlsconf.model.vocabulary.TlsVersion;

/** Each peer of the benchmark completes real handshakes with what the benchmark claims to measure. */
class BenchPeersTest {

    @ParameterizedTest(name = "{0}, key cache {1}")
    @CsvSource({"TLS_1_3, true", "TLS_1_3, false", "TLS_1_2, true", "TLS_1_2, false"})
    void everyPeerCompletesFullHandshakesAndVerifiesTheChainOnceEach(TlsVersion version, boolean keyCache)
            throws Exception {
        BenchFixture fixture = new BenchFixture();
        List<HandshakePeer> peers = Bench.peers(fixture, version, keyCache);
        assertEquals(List.of("tlsconf reference", "JSSE (SunJSSE)", "BC TLS API", "BCJSSE", "crypto floor"),
                peers.stream().map(HandshakePeer::name).toList());
        String expectedVersion = version == TlsVersion.TLS_1_3 ? "TLSv1.3" : "TLSv1.2";
        String expectedSuite = version == TlsVersion.TLS_1_3 ? "TLS_AES_128_GCM_SHA256"
                : "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
        for (HandshakePeer p : peers) {
            assertEquals(version, p.version(), p.name());
            for (int i = 0; i < 3; i++) {   // the second and third would be the ones to resume, if any did
                long before = fixture.verifications.get();
                HandshakePeer.Outcome o = p.handshake();
                assertEquals(expectedVersion, o.version(), p.name());
                assertEquals(expectedSuite, o.cipherSuite(), p.name());
                assertTrue(o.group().equals("x25519") || o.group().equals("n/a"), p.name() + " group " + o.group());
                long expected = p.name().equals(Bench.FLOOR) ? 0 : 1;
                assertEquals(expected, fixture.verifications.get() - before, p.name() + " chain verifications");
                Bench.check(p, o);
            }
        }
    }

    @Test
    void checkRejectsAnOutcomeOfTheWrongVersion() throws Exception {
        HandshakePeer p = Bench.peers(new BenchFixture(), TlsVersion.TLS_1_2, true).get(0);
        assertThrows(IllegalStateException.class,
                () -> Bench.check(p, new HandshakePeer.Outcome("TLSv1.3", "TLS_AES_128_GCM_SHA256", "x25519")));
    }

    @Test
    void steadyMeansTheLastRatesAgreeWithinFivePercent() {
        assertTrue(Bench.steady(List.of(1000.0, 1040.0, 1020.0)));
        assertFalse(Bench.steady(List.of(1000.0, 1100.0, 1020.0)));
        assertFalse(Bench.steady(List.of(0.0, 0.0, 0.0)));
    }

    @Test
    void tableShowsRatiosAgainstJsseBcTlsAndTheFloor() {
        List<Bench.PeerResult> results = List.of(
                result("tlsconf reference", new double[] {300, 100, 200}, new double[] {150, 50, 100}, 1),
                result("JSSE (SunJSSE)", new double[] {50, 50, 50}, new double[] {25, 25, 25}, 1),
                result("BC TLS API", new double[] {400, 400, 400}, new double[] {200, 200, 200}, 1),
                result("crypto floor", new double[] {800, 800, 800}, new double[] {400, 400, 400}, 0));
        String table = Bench.table(results);
        // CPU median 100; per-round ratios 6/2/4 × JSSE, 0.75/0.25/0.5 × BC TLS, floor 2.67/8/4 × : medians 4.00,
        // 0.50, 4.00; wall median 200
        String row = "| tlsconf reference  |       100 |          50-150 |       200 |    4.00 |      0.50 |"
                + "     4.00 |";
        assertTrue(table.contains(row), table);
        assertEquals(List.of(), Bench.verificationFailures(results));
        assertEquals(1, Bench.verificationFailures(List.of(
                result("BCJSSE", new double[] {1}, new double[] {1}, 0.5))).size());
    }

    @Test
    void ratiosPairRoundsSoALoadThatDriftsBetweenRoundsCancels() {
        // the machine got twice as slow for rounds 2 and 3: each round the floor is exactly 2x the reference
        Bench.PeerResult ref = result("tlsconf reference", new double[] {1}, new double[] {100, 50, 50}, 1);
        Bench.PeerResult floor = result("crypto floor", new double[] {1}, new double[] {200, 100, 100}, 0);
        assertEquals(2.0, Bench.ratio(floor, ref), 1e-9);
        assertEquals(Double.NaN, Bench.ratio(floor, null));
    }

    @Test
    void reportHasOneTablePerVersionAndSaysWhetherTheKeyCacheWasOn() {
        List<Bench.PeerResult> results = List.of(
                result("tlsconf reference", new double[] {100}, new double[] {100}, 1),
                new Bench.PeerResult("tlsconf reference", TlsVersion.TLS_1_2, new double[] {90}, new double[] {90},
                        1, 2, true));
        String on = Bench.report(results, BenchOptions.standard());
        assertTrue(on.contains("TLS 1.3 full handshakes") && on.contains("TLS 1.2 full handshakes"), on);
        assertTrue(on.contains("Peer-key cache ON"), on);
        String off = Bench.report(results, BenchOptions.standard().keyCache(false));
        assertTrue(off.contains("Peer-key cache OFF"), off);
    }

    private static Bench.PeerResult result(String name, double[] wall, double[] cpu, double checks) {
        return new Bench.PeerResult(name, TlsVersion.TLS_1_3, wall, cpu, checks, 2, true);
    }
}
