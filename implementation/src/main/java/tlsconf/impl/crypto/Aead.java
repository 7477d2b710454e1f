package tlsconf.impl.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import tlsconf.impl.CipherSuite;

/**
 * The AEAD of a TLS 1.3 cipher suite (AES-GCM or ChaCha20-Poly1305, 16-byte tag), one instance per direction and
 * traffic key. The key is given to the cipher once: later records re-initialise it with their nonce and additional
 * data only (a null key to Bouncy Castle's AEAD modes keeps the key schedule and, for GCM, the hash-key tables).
 */
public final class Aead {
    public static final int TAG_LENGTH = 16;

    private final AEADCipher cipher;
    private final KeyParameter key;
    private boolean keyed;

    public Aead(CipherSuite suite, byte[] key) {
        this.cipher = suite.isChaCha() ? new ChaCha20Poly1305() : GCMBlockCipher.newInstance(AESEngine.newInstance());
        this.key = new KeyParameter(key);
    }

    public byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext, int off, int len) {
        init(true, nonce, aad);
        byte[] out = new byte[cipher.getOutputSize(len)];
        int n = cipher.processBytes(plaintext, off, len, out, 0);
        try {
            cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AEAD seal failed", e);
        }
        return out;
    }

    private void init(boolean forEncryption, byte[] nonce, byte[] aad) {
        cipher.init(forEncryption, new AEADParameters(keyed ? null : key, TAG_LENGTH * 8, nonce, aad));
        keyed = true;
    }

    /** The plaintext, or null when authentication fails. */
    public byte[] open(byte[] nonce, byte[] aad, byte[] ciphertext, int off, int len) {
        if (len < TAG_LENGTH) {
            return null;
        }
        init(false, nonce, aad);
        byte[] out = new byte[cipher.getOutputSize(len)];
        int n = cipher.processBytes(ciphertext, off, len, out, 0);
        try {
            cipher.doFinal(out, n);
            return out;
        } catch (InvalidCipherTextException | IllegalStateException e) {
            return null;
        }
    }
}
