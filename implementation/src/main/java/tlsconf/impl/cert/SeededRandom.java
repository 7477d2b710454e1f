package tlsconf.impl.cert;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A deterministic "SecureRandom" for reproducible test PKIs: SHA-256 in counter mode over (seed, label). Each
 * labelled stream is independent of every other, so a key or certificate depends only on the seed and its own
 * label, never on the order in which things were generated or cached. NOT for anything but tests.
 */
final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    SeededRandom(long seed, String label) {
        super(new CounterSpi(seed, label), null);
    }

    private static final class CounterSpi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final byte[] key;
        private long counter;
        private byte[] block = new byte[0];
        private int used;

        CounterSpi(long seed, String label) {
            MessageDigest sha = sha256();
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            sha.update(label.getBytes(StandardCharsets.UTF_8));
            this.key = sha.digest();
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // deliberately ignored: the stream is fixed by (seed, label)
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (used == block.length) {
                    MessageDigest sha = sha256();
                    sha.update(key);
                    sha.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
                    block = sha.digest();
                    used = 0;
                }
                bytes[i] = block[used++];
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] b = new byte[numBytes];
            engineNextBytes(b);
            return b;
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from the JDK", e);
            }
        }
    }
}
