package tlsconf.impl.tls12;

import tlsconf.impl.CipherSuite;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.crypto.Aead;

/**
 * AEAD record protection of one TLS 1.2 direction (RFC 5246 §6.2.3.3). The additional data is
 * seq_num(8) + type + version + plaintext length. AES-GCM nonces (RFC 5288 §3) are the 4-byte implicit salt from the
 * key block followed by an 8-byte explicit part sent at the front of each record; we send the sequence number there,
 * which never repeats under one key. ChaCha20-Poly1305 (RFC 7905 §2) XORs the sequence number into the 12-byte IV and
 * sends no explicit nonce.
 */
public final class Tls12Protection {
    /** 2^14: the largest TLSPlaintext.length (RFC 5246 §6.2.1). */
    public static final int MAX_PLAINTEXT = 1 << 14;
    /** 2^14 + 2048: the largest TLSCiphertext.length (RFC 5246 §6.2.3). */
    public static final int MAX_CIPHERTEXT = MAX_PLAINTEXT + 2048;

    private final Tls12CipherSuite suite;
    private final Aead aead;
    private final byte[] iv;
    private long sequence;

    public Tls12Protection(Tls12CipherSuite suite, byte[] key, byte[] iv) {
        if (iv.length != suite.fixedIvLength()) {
            throw new IllegalArgumentException(suite + " needs a " + suite.fixedIvLength() + "-byte IV");
        }
        this.suite = suite;
        // Aead only distinguishes ChaCha20-Poly1305 from AES-GCM; the key length is the key's.
        this.aead = new Aead(suite.isChaCha() ? CipherSuite.TLS_CHACHA20_POLY1305_SHA256
                : CipherSuite.TLS_AES_128_GCM_SHA256, key);
        this.iv = iv.clone();
    }

    public long sequence() {
        return sequence;
    }

    public Tls12CipherSuite suite() {
        return suite;
    }

    private void checkSequence() throws TlsAlertException {
        // RFC 5246 §6.1: sequence numbers MUST NOT wrap; renegotiation is refused, so the connection ends.
        if (sequence == -1L) {
            throw Violation.SEQUENCE_EXHAUSTED.alert();
        }
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (56 - 8 * i));
        }
    }

    private byte[] nonce(byte[] explicit) {
        byte[] n = new byte[12];
        if (suite.isChaCha()) {
            System.arraycopy(iv, 0, n, 0, 12);
            for (int i = 0; i < 8; i++) {
                n[11 - i] ^= (byte) (sequence >>> (8 * i));
            }
        } else {
            System.arraycopy(iv, 0, n, 0, 4);
            System.arraycopy(explicit, 0, n, 4, 8);
        }
        return n;
    }

    private byte[] additionalData(int type, int length) {
        byte[] ad = new byte[13];
        putLong(ad, 0, sequence);
        ad[8] = (byte) type;
        ad[9] = 3;
        ad[10] = 3;
        ad[11] = (byte) (length >>> 8);
        ad[12] = (byte) length;
        return ad;
    }

    /** The TLSCiphertext.fragment (explicit nonce + AEAD output) for one record of this type. */
    public byte[] protect(int type, byte[] content, int off, int len) throws TlsAlertException {
        checkSequence();
        byte[] explicit = new byte[suite.explicitNonceLength()];
        if (explicit.length > 0) {
            putLong(explicit, 0, sequence);
        }
        byte[] sealed = aead.seal(nonce(explicit), additionalData(type, len), content, off, len);
        sequence++;
        byte[] out = new byte[explicit.length + sealed.length];
        System.arraycopy(explicit, 0, out, 0, explicit.length);
        System.arraycopy(sealed, 0, out, explicit.length, sealed.length);
        return out;
    }

    /** Opens one record's fragment; any failure (short, forged, wrong key) is {@code bad_record_mac} (§6.2.3.3). */
    public byte[] unprotect(int type, byte[] fragment) throws TlsAlertException {
        checkSequence();
        int ex = suite.explicitNonceLength();
        int plainLen = fragment.length - ex - Aead.TAG_LENGTH;
        if (plainLen < 0) {
            throw Violation.BAD_RECORD_MAC.alert("protected record " + sequence + " of " + fragment.length
                    + " bytes is shorter than nonce and tag");
        }
        byte[] explicit = java.util.Arrays.copyOfRange(fragment, 0, ex);
        byte[] plain = aead.open(nonce(explicit), additionalData(type, plainLen), fragment, ex,
                fragment.length - ex);
        if (plain == null) {
            throw Violation.BAD_RECORD_MAC.alert("record " + sequence + " failed AEAD authentication");
        }
        sequence++;
        if (plain.length > MAX_PLAINTEXT) {
            throw Violation.RECORD_OVERFLOW.alert("decrypted fragment of " + plain.length + " bytes");
        }
        return plain;
    }
}
