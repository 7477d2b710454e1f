package tlsconf.impl.seam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tlsconf.impl.EnginePair;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.Hkdf;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.tls12.Prf;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The seam's exchange-secret hook: both ends of a real in-process handshake hand over the same secret (the two
 * sides computed it independently), the secret reproduces what the key log holds through the RFC's own derivations
 * over the handshake messages both engines received (RFC 8446 §7.1 for TLS 1.3, RFC 7627 §4 for TLS 1.2), and it
 * never reaches the key log. The key log is written by the engine from its own key schedule, so agreeing with it
 * shows the exposed secret is the one the connection's keys grew from.
 */
class ExchangeSecretTest {

    /** A seam that keeps what the hook hands over. */
    private static final class Keeping implements Seam {
        final List<ExchangeSecret> secrets = new ArrayList<>();
        private final List<byte[]> received;

        Keeping(List<byte[]> received) {
            this.received = received;
        }

        @Override
        public void onExchangeSecret(ExchangeSecret secret) {
            secrets.add(secret);
        }

        @Override
        public void onIncomingHandshake(HandshakeFrame frame, Epoch epoch, String state) {
            received.add(frame.raw().clone());
        }
    }

    /** Both ends' seams, sharing the list of handshake messages (header included) in the order they arrived. */
    private final List<byte[]> wire = new ArrayList<>();
    private final Map<String, byte[]> keyLog = new HashMap<>();
    private final Keeping clientSeam = new Keeping(wire);
    private final Keeping serverSeam = new Keeping(wire);

    private EnginePair handshake(TlsVersion version) throws TlsAlertException {
        TlsConfig client = EnginePair.client(KeyType.EC_P256).versions(version)
                .keyLog((label, random, secret) -> keyLog.put(label, secret.clone())).build();
        TlsConfig server = EnginePair.server(KeyType.EC_P256).versions(version).build();
        EnginePair pair = new EnginePair(client, server, clientSeam, serverSeam);
        pair.pump();
        assertTrue(pair.client.isHandshakeComplete() && pair.server.isHandshakeComplete());
        return pair;
    }

    /** The hash of the messages on the wire from the first up to and including the first of type {@code last}. */
    private byte[] transcriptHash(HashAlgorithm hash, HandshakeType last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : wire) {
            out.writeBytes(m);
            if ((m[0] & 0xff) == last.code()) {
                return hash.hash(out.toByteArray());
            }
        }
        throw new AssertionError("no " + last.rfcName() + " on the wire");
    }

    @Test
    void tls13HandshakeSecretIsSharedAndYieldsTheLoggedClientHandshakeTrafficSecret() throws TlsAlertException {
        handshake(TlsVersion.TLS_1_3);
        assertEquals(1, clientSeam.secrets.size());
        ExchangeSecret.Tls13 ours = (ExchangeSecret.Tls13) clientSeam.secrets.get(0);
        ExchangeSecret.Tls13 theirs = (ExchangeSecret.Tls13) serverSeam.secrets.get(0);
        assertArrayEquals(theirs.sharedSecret(), ours.sharedSecret(), "both ends agreed on the (EC)DHE secret");
        assertArrayEquals(theirs.handshakeSecret(), ours.handshakeSecret());
        assertEquals(HandshakeType.CLIENT_HELLO.code(), wire.get(0)[0] & 0xff, "the server received first");
        // RFC 8446 §7.1: client_handshake_traffic_secret =
        //   Derive-Secret(Handshake Secret, "c hs traffic", ClientHello...ServerHello).
        var hash = ours.suite().hash();
        byte[] derived = Hkdf.deriveSecret(hash, ours.handshakeSecret(), "c hs traffic",
                transcriptHash(hash, HandshakeType.SERVER_HELLO));
        byte[] logged = keyLog.get("CLIENT_HANDSHAKE_TRAFFIC_SECRET");
        assertNotNull(logged);
        assertArrayEquals(logged, derived, "the exposed handshake secret is the one the engine's keys grew from");
        for (byte[] v : keyLog.values()) {
            assertFalse(Arrays.equals(v, ours.handshakeSecret()), "the handshake secret is not logged");
            assertFalse(Arrays.equals(v, ours.sharedSecret()), "the shared secret is not logged");
        }
        // Extract(salt = Derive-Secret(Extract(0, 0), "derived", ""), ikm = shared) is the handshake secret.
        byte[] early = Hkdf.extract(hash, null, new byte[hash.length()]);
        byte[] salt = Hkdf.expandLabel(hash, early, "derived", hash.emptyHash(), hash.length());
        assertArrayEquals(Hkdf.extract(hash, salt, ours.sharedSecret()), ours.handshakeSecret());
    }

    @Test
    void tls12PremasterIsSharedAndYieldsTheLoggedMasterSecret() throws TlsAlertException {
        handshake(TlsVersion.TLS_1_2);
        ExchangeSecret.Tls12 ours = (ExchangeSecret.Tls12) clientSeam.secrets.get(0);
        ExchangeSecret.Tls12 theirs = (ExchangeSecret.Tls12) serverSeam.secrets.get(0);
        assertArrayEquals(theirs.premasterSecret(), ours.premasterSecret(), "both ends agreed on the premaster");
        assertTrue(ours.extendedMasterSecret(), "the reference offers and accepts RFC 7627");
        byte[] logged = keyLog.get("CLIENT_RANDOM");
        assertNotNull(logged);
        assertArrayEquals(logged, ours.masterSecret(), "the exposed master secret is the logged one");
        // RFC 7627 §4: master_secret = PRF(pre_master_secret, "extended master secret", session_hash), the session
        // hash over ClientHello...ClientKeyExchange as both engines received them.
        byte[] sessionHash = transcriptHash(ours.suite().hash(), HandshakeType.CLIENT_KEY_EXCHANGE);
        assertArrayEquals(logged, Prf.extendedMasterSecret(ours.suite().hash(), ours.premasterSecret(), sessionHash),
                "the exposed premaster is the one the engine's master secret grew from");
        for (byte[] v : keyLog.values()) {
            assertFalse(Arrays.equals(v, ours.premasterSecret()), "the premaster is not logged");
        }
    }
}
