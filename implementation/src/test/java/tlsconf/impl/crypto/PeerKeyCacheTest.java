package tlsconf.impl.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.junit.jupiter.api.Test;
import tlsconf.impl.RandomSource;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;

/** The peer-key cache reuses a parse only for identical key bytes, and signatures are still checked each time. */
class PeerKeyCacheTest {
    private static final TestPki.Chain P256 = TestPki.shared().serverChain(KeyType.EC_P256);
    private static final TestPki.Chain OTHER = TestPki.shared().serverChain(KeyType.ED25519);

    @Test
    void sameEncodingGivesTheSameParsedKeyAndADifferentOneDoesNot() throws Exception {
        PeerKeyCache cache = PeerKeyCache.isolated();
        PublicKey a = P256.leaf().getPublicKey();
        // an equal key in a distinct object (as from another parse of the same certificate)
        PublicKey a2 = java.security.KeyFactory.getInstance("EC").generatePublic(
                new java.security.spec.X509EncodedKeySpec(a.getEncoded()));
        AsymmetricKeyParameter first = cache.publicKey(a);
        assertSame(first, cache.publicKey(a2));
        assertNotSame(first, cache.publicKey(OTHER.leaf().getPublicKey()));
        assertEquals(2, cache.parsedCount());
        assertEquals(1, cache.reusedCount());
    }

    @Test
    void enabledHandlesShareOneStore() {
        PublicKey a = P256.leaf().getPublicKey();
        // As when each connection builds its own TlsConfig: the second handle finds the first one's parse.
        AsymmetricKeyParameter first = PeerKeyCache.create(true).publicKey(a);
        PeerKeyCache second = PeerKeyCache.create(true);
        assertSame(first, second.publicKey(a));
        assertEquals(0, second.parsedCount());
        assertEquals(1, second.reusedCount());
    }

    @Test
    void disabledParsesEveryTime() {
        PeerKeyCache cache = PeerKeyCache.create(false);
        PublicKey a = P256.leaf().getPublicKey();
        assertFalse(cache.enabled());
        assertNotSame(cache.publicKey(a), cache.publicKey(a));
        assertEquals(0, cache.reusedCount());
    }

    @Test
    void aCachedKeyStillRejectsASignatureOverOtherBytes() {
        PeerKeyCache cache = PeerKeyCache.create(true);
        byte[] message = "transcript one".getBytes(StandardCharsets.US_ASCII);
        byte[] other = "transcript two".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = Signatures.sign(SignatureScheme.ECDSA_SECP256R1_SHA256, Signatures.privateKey(P256.leafKey()),
                message, RandomSource.secure());
        for (int i = 0; i < 10; i++) {   // past the point where Bouncy Castle promotes the point to fixed-point tables
            AsymmetricKeyParameter k = cache.publicKey(P256.leaf().getPublicKey());
            assertTrue(Signatures.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, k, message, sig));
            assertFalse(Signatures.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, k, other, sig));
        }
    }
}
