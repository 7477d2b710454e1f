package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.tls12.VersionSniffer.Verdict;

/** The pieces one endpoint uses to serve both versions: the hello sniffer and the client take-over. */
class VersionDispatchTest {
    @Test
    void clientHellos() {
        byte[] tls13 = TlsEngine.create(Pair.client(KeyType.EC_P256).build()).takeOutgoing();
        byte[] tls12 = Tls12Engine.create(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults())
                .takeOutgoing();
        assertEquals(Verdict.TLS_1_3, VersionSniffer.clientHello(tls13, tls13.length));
        assertEquals(Verdict.TLS_1_2, VersionSniffer.clientHello(tls12, tls12.length));
        for (int n = 0; n < tls12.length; n++) {
            assertEquals(Verdict.NEED_MORE, VersionSniffer.clientHello(tls12, n), "prefix " + n);
        }
        // Split over two records: still found.
        byte[] split = new byte[tls12.length + 5];
        int body = tls12.length - 5;
        int first = body / 2;
        System.arraycopy(tls12, 0, split, 0, 5 + first);
        split[3] = (byte) (first >>> 8);
        split[4] = (byte) first;
        split[5 + first] = 22;
        split[6 + first] = 3;
        split[7 + first] = 3;
        split[8 + first] = (byte) ((body - first) >>> 8);
        split[9 + first] = (byte) (body - first);
        System.arraycopy(tls12, 5 + first, split, 10 + first, body - first);
        assertEquals(Verdict.TLS_1_2, VersionSniffer.clientHello(split, split.length));
        // Not a handshake at all: left to the TLS 1.3 path, which sends the alert.
        byte[] junk = {21, 3, 3, 0, 2, 2, 40};
        assertEquals(Verdict.TLS_1_3, VersionSniffer.clientHello(junk, junk.length));
    }

    @Test
    void serverHellos() throws Exception {
        Tls12Engine client = Tls12Engine.create(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults());
        Tls12Engine server = Tls12Engine.create(Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults());
        server.feed(client.takeOutgoing());
        byte[] flight = server.takeOutgoing();
        assertEquals(Verdict.TLS_1_2, VersionSniffer.serverHello(flight, flight.length));
        TlsEngine c13 = TlsEngine.create(Pair.client(KeyType.EC_P256).build());
        TlsEngine s13 = TlsEngine.create(Pair.server(KeyType.EC_P256).build());
        s13.feed(c13.takeOutgoing());
        byte[] f13 = s13.takeOutgoing();
        assertEquals(Verdict.TLS_1_3, VersionSniffer.serverHello(f13, f13.length));
        assertEquals(Verdict.NEED_MORE, VersionSniffer.serverHello(f13, 20));
    }

    @Test
    void clientTakesOverAfterAnotherHandshakeSentTheHello() throws Exception {
        // The hello comes from one engine; a continuation engine with the same random finishes the handshake.
        Tls12Engine sender = Tls12Engine.create(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults());
        byte[] wire = sender.takeOutgoing();
        byte[] hello = Arrays.copyOfRange(wire, 5, wire.length);
        byte[] random = Arrays.copyOfRange(hello, 6, 38);
        Tls12Engine client = Tls12Engine.continueClient(Pair.client(KeyType.EC_P256).build(),
                Tls12Options.defaults().withTls13Capable(true), Tls12Seam.NONE, hello, random, new byte[0]);
        Tls12Engine server = Tls12Engine.create(Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults());
        server.feed(wire);
        Pair p = new Pair(client, server);
        assertNull(p.pump());
        assertTrue(client.isHandshakeComplete() && server.isHandshakeComplete());
        client.write(new byte[] {9});
        assertNull(p.pump());
        assertEquals(9, server.read()[0]);
    }

    @Test
    void dispatchHoldsBytesUntilTheHelloIsComplete() {
        byte[] tls12 = Tls12Engine.create(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults())
                .takeOutgoing();
        VersionDispatch d = VersionDispatch.server();
        assertNull(d.offer(tls12, 0, 10));
        assertNull(d.offer(tls12, 10, 20));
        byte[] all = d.offer(tls12, 30, tls12.length - 30);
        assertEquals(Verdict.TLS_1_2, d.verdict());
        org.junit.jupiter.api.Assertions.assertArrayEquals(tls12, all);
    }
}
