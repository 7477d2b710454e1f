package tlsconf.impl;

import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.prng.DigestRandomGenerator;

/**
 * Where every random byte of a connection comes from (randoms, session ids, ticket nonces, padding, ephemeral keys,
 * salts). Injected through {@link TlsConfig}, so fixed inputs give fixed bytes on the wire.
 */
@FunctionalInterface
public interface RandomSource {
    void nextBytes(byte[] out);

    static RandomSource secure() {
        return of(new SecureRandom());
    }

    static RandomSource of(SecureRandom random) {
        return random::nextBytes;
    }

    /** A deterministic stream from a seed (SHA-256 based): for tests and replays only. */
    static RandomSource deterministic(long seed) {
        DigestRandomGenerator g = new DigestRandomGenerator(new SHA256Digest());
        g.addSeedMaterial(seed);
        return out -> {
            synchronized (g) {
                g.nextBytes(out);
            }
        };
    }

    /** A SecureRandom view for primitives that need one (key generation, PSS salts). */
    default SecureRandom asSecureRandom() {
        RandomSource self = this;
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                self.nextBytes(bytes);
            }

            @Override
            public byte[] generateSeed(int n) {
                byte[] b = new byte[n];
                self.nextBytes(b);
                return b;
            }
        };
    }
}
