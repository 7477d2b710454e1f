package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.message.ServerHello;
import tlsconf.model.vocabulary.AlertDescription;

/** Our TLS 1.2 client against our TLS 1.2 server in memory: every suite and group, client auth, resumption. */
class Tls12HandshakeTest {
    static Stream<Arguments> suitesAndGroups() {
        List<Arguments> out = new ArrayList<>();
        for (Tls12CipherSuite s : Tls12CipherSuite.values()) {
            for (NamedGroup g : NamedGroup.values()) {
                if (s.keyExchange().ephemeral() || g == NamedGroup.X25519) {
                    out.add(Arguments.of(s, g));
                }
            }
        }
        return out.stream();
    }

    private static void exchangeData(Pair p) throws TlsAlertException {
        p.client.write("ping".getBytes(StandardCharsets.US_ASCII));
        assertNull(p.pump());
        assertEquals("ping", new String(p.server.read(), StandardCharsets.US_ASCII));
        byte[] big = new byte[40_000];
        big[39_999] = 7;
        p.server.write(big);
        assertNull(p.pump());
        assertArrayEquals(big, p.client.read());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("suitesAndGroups")
    void fullHandshake(Tls12CipherSuite suite, NamedGroup group) throws Exception {
        KeyType key = Pair.keyFor(suite);
        Pair p = Pair.of(Pair.client(key).groups(group).build(), Tls12Options.defaults().withCipherSuites(suite),
                Pair.server(key).build(), Tls12Options.defaults());
        assertNull(p.pump());
        assertTrue(p.client.isHandshakeComplete() && p.server.isHandshakeComplete());
        Tls12Negotiated n = p.client.negotiated();
        assertEquals(suite, n.cipherSuite());
        assertEquals(suite, p.server.negotiated().cipherSuite());
        assertEquals(suite.keyExchange().ephemeral() ? group : null, n.group());
        assertTrue(n.extendedMasterSecret());
        assertFalse(n.resumed());
        assertEquals(Pair.pki().serverChain(key).leaf(), n.peerCertificates().get(0));
        exchangeData(p);
        p.client.close();
        assertNull(p.pump());
        assertTrue(p.server.isPeerClosed());
    }

    @Test
    void serverPrefersItsOrderAndKeyDecides() throws Exception {
        Pair p = Pair.of(Pair.client(KeyType.RSA_2048).build(), Tls12Options.defaults(),
                Pair.server(KeyType.RSA_2048).build(), Tls12Options.defaults());
        assertNull(p.pump());
        assertEquals(Tls12CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, p.client.negotiated().cipherSuite());
        assertEquals(NamedGroup.X25519, p.client.negotiated().group());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientKeys")
    void clientAuthentication(KeyType clientKey) throws Exception {
        TlsConfig server = Pair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUIRE)
                .trustAnchors(Pair.pki().clientChain(clientKey).trustAnchors()).build();
        TlsConfig client = Pair.client(KeyType.EC_P256).credentials(Pair.pki().clientChain(clientKey).credentials())
                .build();
        Pair p = Pair.of(client, Tls12Options.defaults(), server, Tls12Options.defaults());
        assertNull(p.pump());
        assertTrue(p.server.negotiated().clientAuthenticated());
        assertEquals(Pair.pki().clientChain(clientKey).leaf(), p.server.negotiated().peerCertificates().get(0));
        exchangeData(p);
    }

    static Stream<KeyType> clientKeys() {
        return Stream.of(KeyType.EC_P256, KeyType.RSA_2048);
    }

    @Test
    void requestedClientCertificateMayBeAbsent() throws Exception {
        TlsConfig server = Pair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUEST).build();
        Pair p = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults(), server,
                Tls12Options.defaults());
        assertNull(p.pump());
        assertFalse(p.server.negotiated().clientAuthenticated());
    }

    @Test
    void requiredClientCertificateAbsentIsHandshakeFailure() {
        TlsConfig server = Pair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUIRE).build();
        Pair p = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults(), server,
                Tls12Options.defaults());
        TlsAlertException e = p.pump();
        assertNotNull(e);
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, p.server.failure().description());
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, p.client.failure().description());
        assertFalse(p.client.failure().sentByUs());
    }

    @Test
    void resumptionBySessionId() throws Exception {
        Tls12SessionStore store = Tls12SessionStore.inMemory();
        Tls12Options co = Tls12Options.defaults().withClientSessions(store);
        Tls12Options so = Tls12Options.defaults().withIssueTickets(false).withServerSessions(new Tls12SessionCache());
        TlsConfig server = Pair.server(KeyType.EC_P256).build();
        Pair first = Pair.of(Pair.client(KeyType.EC_P256).build(), co, server, so);
        assertNull(first.pump());
        assertFalse(first.client.negotiated().resumed());
        assertEquals(32, store.get("localhost").orElseThrow().sessionId().length);
        assertNull(store.get("localhost").orElseThrow().ticket());
        Pair second = Pair.of(Pair.client(KeyType.EC_P256).build(), co, server, so);
        assertNull(second.pump());
        assertTrue(second.client.negotiated().resumed());
        assertTrue(second.server.negotiated().resumed());
        assertFalse(second.client.negotiated().resumedByTicket());
        assertNull(second.client.negotiated().group());
        exchangeData(second);
    }

    @Test
    void resumptionByTicket() throws Exception {
        Tls12SessionStore store = Tls12SessionStore.inMemory();
        Tls12Options co = Tls12Options.defaults().withClientSessions(store);
        TlsConfig server = Pair.server(KeyType.RSA_2048).build();
        Pair first = Pair.of(Pair.client(KeyType.RSA_2048).build(), co, server, Tls12Options.defaults());
        assertNull(first.pump());
        assertNotNull(store.get("localhost").orElseThrow().ticket());
        Pair second = Pair.of(Pair.client(KeyType.RSA_2048).build(), co, server, Tls12Options.defaults());
        assertNull(second.pump());
        assertTrue(second.client.negotiated().resumed());
        assertTrue(second.client.negotiated().resumedByTicket());
        assertTrue(second.server.negotiated().resumedByTicket());
        exchangeData(second);
    }

    @Test
    void ticketFromAnotherServerKeyFallsBackToFullHandshake() throws Exception {
        Tls12SessionStore store = Tls12SessionStore.inMemory();
        Tls12Options co = Tls12Options.defaults().withClientSessions(store);
        Pair first = Pair.of(Pair.client(KeyType.EC_P256).build(), co, Pair.server(KeyType.EC_P256).build(),
                Tls12Options.defaults());
        assertNull(first.pump());
        // A new config draws a new ticket key: the old ticket does not open.
        Pair second = Pair.of(Pair.client(KeyType.EC_P256).build(), co, Pair.server(KeyType.EC_P256).build(),
                Tls12Options.defaults());
        assertNull(second.pump());
        assertFalse(second.client.negotiated().resumed());
    }

    @Test
    void helloRequestIsAnsweredWithNoRenegotiationWarning() throws Exception {
        Pair p = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults(),
                Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults());
        assertNull(p.pump());
        p.server.sendRecord(22, new tlsconf.impl.tls12.message.HelloRequest().encode());
        byte[] fromServer = p.server.takeOutgoing();
        p.client.feed(fromServer);
        byte[] reply = p.client.takeOutgoing();
        List<int[]> alerts = new ArrayList<>();
        Tls12Seam watch = new Tls12Seam() {
            @Override
            public void onIncomingRecord(tlsconf.impl.record.Record r) {
                if (r.contentType() == 21) {
                    alerts.add(new int[] {r.alertLevel(), r.alertDescription()});
                }
            }
        };
        assertTrue(reply.length > 0);
        // Open the reply with the server to see the alert: a warning, no_renegotiation, connection still up.
        Pair q = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults(), Tls12Seam.NONE,
                Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults(), watch);
        assertNull(q.pump());
        q.server.sendRecord(22, new tlsconf.impl.tls12.message.HelloRequest().encode());
        q.client.feed(q.server.takeOutgoing());
        q.server.feed(q.client.takeOutgoing());
        assertEquals(1, alerts.size());
        assertEquals(1, alerts.get(0)[0]);
        assertEquals(AlertDescription.NO_RENEGOTIATION.code(), alerts.get(0)[1]);
        exchangeData(q);
    }

    @Test
    void clientHelloAfterHandshakeIsRefusedWithWarning() throws Exception {
        List<int[]> alerts = new ArrayList<>();
        Tls12Seam watch = new Tls12Seam() {
            @Override
            public void onIncomingRecord(tlsconf.impl.record.Record r) {
                if (r.contentType() == 21) {
                    alerts.add(new int[] {r.alertLevel(), r.alertDescription()});
                }
            }
        };
        Pair p = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults(), watch,
                Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults(), Tls12Seam.NONE);
        assertNull(p.pump());
        Tls12Engine other = Tls12Engine.create(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults());
        byte[] hello = other.takeOutgoing();
        p.client.sendRecord(22, java.util.Arrays.copyOfRange(hello, 5, hello.length));
        assertNull(p.pump());
        assertEquals(1, alerts.size());
        assertEquals(AlertDescription.NO_RENEGOTIATION.code(), alerts.get(0)[1]);
        assertEquals(1, alerts.get(0)[0]);
        exchangeData(p);
    }

    @Test
    void downgradeSentinelSetByTls13CapableServerAndCheckedByTls13CapableClient() {
        List<byte[]> randoms = new ArrayList<>();
        Tls12Seam watch = new Tls12Seam() {
            @Override
            public void onIncomingHandshake(tlsconf.impl.message.HandshakeFrame f, String state) {
                if (f.typeCode() == 2) {
                    randoms.add(java.util.Arrays.copyOfRange(f.body(), 2, 34));
                }
            }
        };
        Pair plain = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults(), watch,
                Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults().withTls13Capable(true), Tls12Seam.NONE);
        assertNull(plain.pump());
        assertArrayEquals(ServerHello.DOWNGRADE_TLS12, java.util.Arrays.copyOfRange(randoms.get(0), 24, 32));
        Pair checking = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults().withTls13Capable(true),
                Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults().withTls13Capable(true));
        checking.pump();
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, checking.client.failure().description());
        assertTrue(checking.client.failure().sentByUs());
        Pair notCapableServer = Pair.of(Pair.client(KeyType.EC_P256).build(),
                Tls12Options.defaults().withTls13Capable(true), Pair.server(KeyType.EC_P256).build(),
                Tls12Options.defaults());
        assertNull(notCapableServer.pump());
    }

    @Test
    void keyLogHasClientRandomLinesThatAgree() throws Exception {
        List<String> clientLines = new ArrayList<>();
        List<String> serverLines = new ArrayList<>();
        TlsConfig c = Pair.client(KeyType.EC_P256)
                .keyLog((l, r, s) -> clientLines.add(tlsconf.impl.KeyLogWriter.line(l, r, s))).build();
        TlsConfig s = Pair.server(KeyType.EC_P256)
                .keyLog((l, r, k) -> serverLines.add(tlsconf.impl.KeyLogWriter.line(l, r, k))).build();
        Pair p = Pair.of(c, Tls12Options.defaults(), s, Tls12Options.defaults());
        assertNull(p.pump());
        assertEquals(1, clientLines.size());
        assertTrue(clientLines.get(0).matches("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}"), clientLines.get(0));
        assertEquals(clientLines, serverLines);
    }

    @Test
    void deterministicInputsGiveFixedBytes() {
        byte[][] runs = new byte[2][];
        for (int i = 0; i < 2; i++) {
            TlsConfig c = Pair.client(KeyType.EC_P256).random(tlsconf.impl.RandomSource.deterministic(5)).build();
            runs[i] = Tls12Engine.create(c, Tls12Options.defaults()).takeOutgoing();
        }
        assertArrayEquals(runs[0], runs[1]);
    }
}
