package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;

/** Client and server engines against each other over the supported matrix, in memory. */
class HandshakeMatrixTest {

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (CipherSuite s : CipherSuite.tls13()) {
            for (NamedGroup g : NamedGroup.values()) {
                for (KeyType k : List.of(KeyType.EC_P256, KeyType.RSA_2048, KeyType.ED25519)) {
                    out.add(Arguments.of(s, g, k));
                }
            }
        }
        return out.stream();
    }

    private static SignatureScheme expectedScheme(KeyType k) {
        switch (k) {
            case EC_P256:
                return SignatureScheme.ECDSA_SECP256R1_SHA256;
            case RSA_2048:
                return SignatureScheme.RSA_PSS_RSAE_SHA256;
            default:
                return SignatureScheme.ED25519;
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void fullHandshake(CipherSuite suite, NamedGroup group, KeyType key) throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(key).cipherSuites(suite).groups(group).build(),
                EnginePair.server(key).build());
        p.pump();
        for (TlsEngine e : List.of(p.client, p.server)) {
            Negotiated n = e.negotiated();
            assertEquals(suite, n.cipherSuite());
            assertEquals(group, n.group());
            assertEquals(expectedScheme(key), n.signatureScheme());
            assertFalse(n.resumed());
            assertFalse(n.helloRetryRequest());
        }
        exchange(p);
    }

    private static void exchange(EnginePair p) throws TlsAlertException {
        byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
        byte[] big = new byte[40_000];
        p.client.write(ping);
        p.server.write(big);
        p.pump();
        assertArrayEquals(ping, p.server.read());
        assertArrayEquals(big, p.client.read());
    }

    @Test
    void helloRetryWhenTheClientsShareIsNotAcceptable() throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256)
                .groups(NamedGroup.X25519, NamedGroup.SECP256R1).build(),
                EnginePair.server(KeyType.EC_P256).groups(NamedGroup.SECP256R1).build());
        p.pump();
        assertTrue(p.client.negotiated().helloRetryRequest());
        assertTrue(p.server.negotiated().helloRetryRequest());
        assertEquals(NamedGroup.SECP256R1, p.client.negotiated().group());
        exchange(p);
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256"})
    void forcedHelloRetryWithCookieAndCompatibilityMode(CipherSuite suite) throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).cipherSuites(suite).middleboxCompat(true)
                .build(), EnginePair.server(KeyType.EC_P256).forceHelloRetryRequest(true).build());
        p.pump();
        assertTrue(p.client.negotiated().helloRetryRequest());
        exchange(p);
    }

    @Test
    void noCommonGroupIsHandshakeFailure() {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).groups(NamedGroup.X25519).build(),
                EnginePair.server(KeyType.EC_P256).groups(NamedGroup.SECP256R1).build());
        TlsAlertException e = assertThrows(TlsAlertException.class, p::pump);
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, e.description());
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void clientAuthenticationWithCertificate(KeyType clientKey) throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256)
                .credentials(EnginePair.pki().clientChain(clientKey).credentials()).build(),
                EnginePair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUIRE)
                        .trustAnchors(EnginePair.pki().clientChain(clientKey).trustAnchors()).build());
        p.pump();
        assertTrue(p.client.negotiated().clientAuthenticated());
        assertTrue(p.server.negotiated().clientAuthenticated());
        assertEquals(2, p.server.negotiated().peerCertificates().size());
        exchange(p);
    }

    @Test
    void requestedClientAuthenticationWithEmptyCertificate() throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).build(),
                EnginePair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUEST).build());
        p.pump();
        assertFalse(p.server.negotiated().clientAuthenticated());
        assertTrue(p.server.negotiated().peerCertificates().isEmpty());
        exchange(p);
    }

    @Test
    void requiredClientAuthenticationWithoutCertificateIsCertificateRequired() {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).build(),
                EnginePair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUIRE).build());
        p.pumpThroughFailure();
        TlsAlertException atClient = p.client.failure();
        assertEquals(AlertDescription.CERTIFICATE_REQUIRED, atClient.description());
        assertFalse(atClient.sentByUs(), "the client receives the server's alert");
        assertEquals("alert received: certificate_required (116)", atClient.getMessage());
        assertEquals(AlertDescription.CERTIFICATE_REQUIRED, p.server.failure().description());
        assertTrue(p.server.failure().sentByUs());
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256"})
    void resumptionWithPskDheKe(CipherSuite suite) throws Exception {
        SessionStore store = SessionStore.inMemory();
        TlsConfig server = EnginePair.server(KeyType.EC_P256).build();
        TlsConfig client = EnginePair.client(KeyType.EC_P256).cipherSuites(suite).sessionStore(store).build();
        EnginePair first = new EnginePair(client, server);
        first.pump();
        assertFalse(first.client.negotiated().resumed());
        EnginePair second = new EnginePair(client, server);
        second.pump();
        assertTrue(second.client.negotiated().resumed());
        assertTrue(second.server.negotiated().resumed());
        assertEquals(NamedGroup.X25519, second.client.negotiated().group());
        assertNull(second.server.negotiated().signatureScheme());
        exchange(second);
    }

    @Test
    void resumptionWithPskKe() throws Exception {
        SessionStore store = SessionStore.inMemory();
        TlsConfig server = EnginePair.server(KeyType.EC_P256).pskModes(true, false).build();
        TlsConfig client = EnginePair.client(KeyType.EC_P256).sessionStore(store).pskModes(true, false).build();
        new EnginePair(client, server).pump();
        EnginePair second = new EnginePair(client, server);
        second.pump();
        assertTrue(second.client.negotiated().resumed());
        assertNull(second.client.negotiated().group(), "psk_ke uses no (EC)DHE group");
        exchange(second);
    }

    @Test
    void resumptionAfterHelloRetry() throws Exception {
        SessionStore store = SessionStore.inMemory();
        TlsConfig server = EnginePair.server(KeyType.EC_P256).groups(NamedGroup.SECP256R1).build();
        TlsConfig client = EnginePair.client(KeyType.EC_P256).groups(NamedGroup.X25519, NamedGroup.SECP256R1)
                .sessionStore(store).build();
        new EnginePair(client, server).pump();
        EnginePair second = new EnginePair(client, server);
        second.pump();
        assertTrue(second.client.negotiated().resumed());
        assertTrue(second.client.negotiated().helloRetryRequest());
        exchange(second);
    }

    @Test
    void ticketFromAnotherServerKeyFallsBackToFullHandshake() throws Exception {
        SessionStore store = SessionStore.inMemory();
        TlsConfig client = EnginePair.client(KeyType.EC_P256).sessionStore(store).build();
        new EnginePair(client, EnginePair.server(KeyType.EC_P256).build()).pump();
        EnginePair second = new EnginePair(client, EnginePair.server(KeyType.EC_P256).build());
        second.pump();
        assertFalse(second.client.negotiated().resumed());
    }

    @Test
    void keyUpdateBothWays() throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).build(),
                EnginePair.server(KeyType.EC_P256).build());
        p.pump();
        for (int i = 0; i < 3; i++) {
            p.client.keyUpdate(true);
            p.pump();
            exchange(p);
            p.server.keyUpdate(false);
            p.pump();
            exchange(p);
        }
    }

    @Test
    void closeNotifyEndsTheConnection() throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).build(),
                EnginePair.server(KeyType.EC_P256).build());
        p.pump();
        p.client.write(new byte[] {1, 2, 3});
        p.client.close();
        p.pump();
        assertArrayEquals(new byte[] {1, 2, 3}, p.server.read());
        assertTrue(p.server.isPeerClosed());
        assertThrows(IllegalStateException.class, () -> p.client.write(new byte[1]));
    }

    @Test
    void smallFragmentsAndPaddingInterop() throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.RSA_2048).maxFragment(7)
                .padding((type, len) -> 13).build(),
                EnginePair.server(KeyType.RSA_2048).maxFragment(100).padding((type, len) -> 255).build());
        p.pump();
        exchange(p);
    }

    @Test
    void serverRefusesWithoutCredentials() {
        assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder(Role.SERVER).build());
    }
}
