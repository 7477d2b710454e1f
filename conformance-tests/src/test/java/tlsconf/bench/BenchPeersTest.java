package tlsconf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each peer of the benchmark completes one real handshake with what the benchmark claims to measure. */
class BenchPeersTest {

    @Test
    void everyPeerCompletesOneFullTls13HandshakeAndVerifiesTheChainOnce() throws Exception {
        BenchFixture fixture = new BenchFixture();
        List<HandshakePeer> peers = Bench.peers(fixture);
        assertEquals(List.of("tlsconf reference", "JSSE (SunJSSE)", "BC TLS API", "BCJSSE", "crypto floor"),
                peers.stream().map(HandshakePeer::name).toList());
        for (HandshakePeer p : peers) {
            for (int i = 0; i < 2; i++) {   // twice: the second would be the one to resume, if any did
                long before = fixture.verifications.get();
                HandshakePeer.Outcome o = p.handshake();
                assertEquals("TLSv1.3", o.version(), p.name());
                assertEquals("TLS_AES_128_GCM_SHA256", o.cipherSuite(), p.name());
                assertTrue(o.group().equals("x25519") || o.group().equals("n/a"), p.name() + " group " + o.group());
                long expected = p instanceof CryptoFloor ? 0 : 1;
                assertEquals(expected, fixture.verifications.get() - before, p.name() + " chain verifications");
            }
        }
    }

    @Test
    void tableShowsRatiosAgainstJsseBcTlsAndTheFloor() {
        List<Bench.PeerResult> results = List.of(
                result("tlsconf reference", new double[] {300, 100, 200}, new double[] {150, 50, 100}, 1),
                result("JSSE (SunJSSE)", new double[] {50}, new double[] {25}, 1),
                result("BC TLS API", new double[] {400}, new double[] {200}, 1),
                result("crypto floor", new double[] {800}, new double[] {400}, 0));
        String table = Bench.table(results);
        // CPU median 100: 4.00 × JSSE, 0.50 × BC TLS, 4.00 × slower than the floor; wall median 200
        String row = "| tlsconf reference  |       100 |          50-150 |       200 |    4.00 |      0.50 |"
                + "     4.00 |";
        assertTrue(table.contains(row), table);
        assertEquals(List.of(), Bench.verificationFailures(results));
        assertEquals(1, Bench.verificationFailures(List.of(
                result("BCJSSE", new double[] {1}, new double[] {1}, 0.5))).size());
    }

    private static Bench.PeerResult result(String name, double[] wall, double[] cpu, double checks) {
        return new Bench.PeerResult(name, wall, cpu, checks, null);
    }
}
