package tlsconf.vectorrun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.kind.Recording;
import tlsconf.vectors.kind.Recording.Flow;
import tlsconf.vectors.kind.Recording.From;

class ReplayingTransportTest {
    private static ReplayingTransport transport() {
        return new ReplayingTransport(new Recording(new Recording.Peer("openssl s_server", "3.0.19", "openssl s_server"),
                Map.of("role", "client"), List.of(new Flow(From.US, Bytes.fromHex("010203")),
                        new Flow(From.PEER, Bytes.fromHex("0a0b")), new Flow(From.US, Bytes.fromHex("04")))));
    }

    @Test
    void playsInOrderWithSplitWrites() {
        ReplayingTransport t = transport();
        t.write(new byte[] {1});
        t.write(new byte[] {2, 3});
        assertArrayEquals(new byte[] {10, 11}, t.read());
        t.write(new byte[] {4});
        t.finish();
    }

    @Test
    void aDifferingByteNamesFlowAndOffset() {
        ReplayingTransport.Divergence d = assertThrows(ReplayingTransport.Divergence.class,
                () -> transport().write(new byte[] {1, 9}));
        assertTrue(d.getMessage().contains("flow 0 byte 1: recorded 02, we wrote 09"), d.getMessage());
    }

    @Test
    void outOfOrderAndLeftoversFail() {
        assertThrows(ReplayingTransport.Divergence.class, () -> transport().read());
        ReplayingTransport t = transport();
        t.write(new byte[] {1, 2, 3});
        assertThrows(ReplayingTransport.Divergence.class, () -> t.write(new byte[] {4}));
        ReplayingTransport u = transport();
        u.write(new byte[] {1, 2, 3});
        u.read();
        ReplayingTransport.Divergence d = assertThrows(ReplayingTransport.Divergence.class, u::finish);
        assertTrue(d.getMessage().contains("1 flows left unplayed"), d.getMessage());
        ReplayingTransport v = transport();
        v.write(new byte[] {1, 2, 3});
        v.read();
        assertThrows(ReplayingTransport.Divergence.class, () -> v.write(new byte[] {4, 5}));
    }
}
