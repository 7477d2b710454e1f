package tlsconf.impl.seam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.impl.crypto.Hkdf;
import tlsconf.impl.tls12.Prf;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The seam's exchange-secret hook: both ends of a real in-process handshake hand over the same secret (the two
 * sides computed it independently), the secret reproduces what the key log holds through the RFC's own derivations
 * (RFC 8446 §7.1 for TLS 1.3, RFC 5246 §8.1 / RFC 7627 §4 for TLS 1.2), and it never reaches the key log.
 */
class ExchangeSecretTest {

    /** A seam that keeps what the hook hands over. */
    private static final class Keeping implements Seam {
        final List<ExchangeSecret> secrets = new ArrayList<>();

        @Override
        public void onExchangeSecret(ExchangeSecret secret) {
            secrets.add(secret);
        }
    }

    private static TlsConfig.Builder client(Map<String, byte[]> keyLog) {
        TestPki pki = TestPki.shared();
        return TlsConfig.builder(Role.CLIENT).trustAnchors(pki.serverChain(KeyType.EC_P256).trustAnchors())
                .serverName("localhost").keyLog((label, random, secret) -> keyLog.put(label, secret.clone()));
    }

    private static TlsConfig.Builder server() {
        return TlsConfig.builder(Role.SERVER).credentials(TestPki.shared().serverChain(KeyType.EC_P256).credentials());
    }

    private static void pump(TlsEngine client, TlsEngine server) throws TlsAlertException {
        for (int i = 0; i < 50; i++) {
            byte[] c = client.takeOutgoing();
            if (c.length > 0) {
                server.feed(c);
            }
            byte[] s = server.takeOutgoing();
            if (s.length > 0) {
                client.feed(s);
            }
            if (c.length == 0 && s.length == 0) {
                return;
            }
        }
        throw new AssertionError("the handshake did not settle in 50 rounds");
    }

    @Test
    void tls13HandshakeSecretIsSharedAndYieldsTheHandshakeSecretLabel() throws TlsAlertException {
        Map<String, byte[]> keyLog = new HashMap<>();
        Keeping clientSeam = new Keeping();
        Keeping serverSeam = new Keeping();
        TlsEngine c = TlsEngine.create(client(keyLog).versions(TlsVersion.TLS_1_3).build(), clientSeam);
        TlsEngine s = TlsEngine.create(server().versions(TlsVersion.TLS_1_3).build(), serverSeam);
        pump(c, s);
        assertTrue(c.isHandshakeComplete() && s.isHandshakeComplete());
        assertEquals(1, clientSeam.secrets.size());
        ExchangeSecret.Tls13 ours = (ExchangeSecret.Tls13) clientSeam.secrets.get(0);
        ExchangeSecret.Tls13 theirs = (ExchangeSecret.Tls13) serverSeam.secrets.get(0);
        assertArrayEquals(theirs.sharedSecret(), ours.sharedSecret(), "both ends agreed on the (EC)DHE secret");
        assertArrayEquals(theirs.handshakeSecret(), ours.handshakeSecret());
        // RFC 8446 §7.1: the handshake secret is not the traffic secret the key log carries, nor in it.
        byte[] logged = keyLog.get("CLIENT_HANDSHAKE_TRAFFIC_SECRET");
        assertNotNull(logged);
        for (byte[] v : keyLog.values()) {
            assertFalse(java.util.Arrays.equals(v, ours.handshakeSecret()), "the handshake secret is not logged");
            assertFalse(java.util.Arrays.equals(v, ours.sharedSecret()), "the shared secret is not logged");
        }
        // Extract(salt = Derive-Secret(Extract(0, 0), "derived", ""), ikm = shared) is the handshake secret.
        var hash = ours.suite().hash();
        byte[] early = Hkdf.extract(hash, null, new byte[hash.length()]);
        byte[] salt = Hkdf.expandLabel(hash, early, "derived", hash.emptyHash(), hash.length());
        assertArrayEquals(Hkdf.extract(hash, salt, ours.sharedSecret()), ours.handshakeSecret());
    }

    @Test
    void tls12PremasterIsSharedAndYieldsTheLoggedMasterSecret() throws TlsAlertException {
        Map<String, byte[]> keyLog = new HashMap<>();
        Keeping clientSeam = new Keeping();
        Keeping serverSeam = new Keeping();
        TlsEngine c = TlsEngine.create(client(keyLog).versions(TlsVersion.TLS_1_2).build(), clientSeam);
        TlsEngine s = TlsEngine.create(server().versions(TlsVersion.TLS_1_2).build(), serverSeam);
        pump(c, s);
        assertTrue(c.isHandshakeComplete() && s.isHandshakeComplete());
        ExchangeSecret.Tls12 ours = (ExchangeSecret.Tls12) clientSeam.secrets.get(0);
        ExchangeSecret.Tls12 theirs = (ExchangeSecret.Tls12) serverSeam.secrets.get(0);
        assertArrayEquals(theirs.premasterSecret(), ours.premasterSecret(), "both ends agreed on the premaster");
        assertArrayEquals(keyLog.get("CLIENT_RANDOM"), ours.masterSecret(), "the logged master secret");
        assertTrue(ours.extendedMasterSecret(), "the reference offers and accepts RFC 7627");
        for (byte[] v : keyLog.values()) {
            assertFalse(java.util.Arrays.equals(v, ours.premasterSecret()), "the premaster is not logged");
        }
        assertEquals(48, ours.masterSecret().length);
        assertFalse(HexFormat.of().formatHex(ours.premasterSecret()).isEmpty());
        // The master secret is not the plain-random derivation: it is the session-hash one (RFC 7627 §4).
        assertFalse(java.util.Arrays.equals(ours.masterSecret(), Prf.masterSecret(ours.suite().hash(),
                ours.premasterSecret(), new byte[32], new byte[32])));
    }
}
