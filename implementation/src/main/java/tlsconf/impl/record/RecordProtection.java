package tlsconf.impl.record;

import tlsconf.impl.CipherSuite;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.crypto.Aead;
import tlsconf.impl.crypto.TrafficKeys;
import tlsconf.model.vocabulary.ContentType;

/**
 * AEAD record protection of one direction under one traffic secret (RFC 8446 §5.2, §5.3): TLSInnerPlaintext with
 * content type and zero padding, the per-record nonce from the IV and the 64-bit sequence number, and the record
 * header as additional data.
 */
public final class RecordProtection {
    /** 2^14: the largest plaintext fragment (RFC 8446 §5.1). */
    public static final int MAX_PLAINTEXT = 1 << 14;
    /** 2^14 + 256: the largest TLSCiphertext.length (RFC 8446 §5.2). */
    public static final int MAX_CIPHERTEXT = MAX_PLAINTEXT + 256;

    private final Aead aead;
    private final byte[] iv;
    private long sequence;

    public RecordProtection(CipherSuite suite, TrafficKeys keys) {
        this.aead = new Aead(suite, keys.key());
        this.iv = keys.iv().clone();
    }

    public static RecordProtection fromSecret(CipherSuite suite, byte[] trafficSecret) {
        return new RecordProtection(suite, TrafficKeys.derive(suite, trafficSecret));
    }

    public long sequence() {
        return sequence;
    }

    private byte[] nonce() throws TlsAlertException {
        if (sequence == -1L) {
            // RFC 8446 §5.3: the sequence number MUST NOT wrap.
            throw Violation.SEQUENCE_EXHAUSTED.alert();
        }
        byte[] n = iv.clone();
        for (int i = 0; i < 8; i++) {
            n[n.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
        }
        return n;
    }

    /** A whole protected record (header included) carrying {@code content} of {@code innerType}. */
    public byte[] protect(int innerType, byte[] content, int off, int len, int padding) throws TlsAlertException {
        byte[] inner = new byte[len + 1 + padding];
        System.arraycopy(content, off, inner, 0, len);
        inner[len] = (byte) innerType;
        int cipherLen = inner.length + Aead.TAG_LENGTH;
        byte[] header = header(cipherLen);
        byte[] sealed = aead.seal(nonce(), header, inner, 0, inner.length);
        sequence++;
        byte[] out = new byte[5 + sealed.length];
        System.arraycopy(header, 0, out, 0, 5);
        System.arraycopy(sealed, 0, out, 5, sealed.length);
        return out;
    }

    private static byte[] header(int length) {
        return new byte[] {(byte) ContentType.APPLICATION_DATA.code(), 3, 3, (byte) (length >>> 8), (byte) length};
    }

    /** Opened record content and its real type. */
    public record Inner(int type, byte[] content) {
    }

    /**
     * Opens the fragment of an application_data record. Failure is {@code bad_record_mac}; a plaintext over
     * 2^14 + 1 bytes is {@code record_overflow}; all-zero content is {@code unexpected_message} (§5.2, §5.4).
     */
    public Inner unprotect(byte[] fragment) throws TlsAlertException {
        Inner inner = tryUnprotect(fragment);
        if (inner == null) {
            throw Violation.BAD_RECORD_MAC.alert("record " + sequence + " failed AEAD authentication");
        }
        return inner;
    }

    /** Like {@link #unprotect}, but null (sequence unchanged) when authentication fails. */
    public Inner tryUnprotect(byte[] fragment) throws TlsAlertException {
        byte[] plain = aead.open(nonce(), header(fragment.length), fragment, 0, fragment.length);
        if (plain == null) {
            return null;
        }
        sequence++;
        if (plain.length > MAX_PLAINTEXT + 1) {
            throw Violation.RECORD_OVERFLOW.alert("TLSInnerPlaintext of " + plain.length + " bytes");
        }
        int i = plain.length - 1;
        while (i >= 0 && plain[i] == 0) {
            i--;
        }
        if (i < 0) {
            throw Violation.NO_INNER_CONTENT_TYPE.alert("protected record is all zeros");
        }
        byte[] content = new byte[i];
        System.arraycopy(plain, 0, content, 0, i);
        return new Inner(plain[i] & 0xff, content);
    }
}
