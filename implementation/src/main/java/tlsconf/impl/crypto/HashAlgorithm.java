package tlsconf.impl.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;

/** The hash of a cipher suite's key schedule and transcript (RFC 8446 §7.1). */
public enum HashAlgorithm {
    SHA256(32),
    SHA384(48);

    private final int length;
    private volatile byte[] emptyHash;

    HashAlgorithm(int length) {
        this.length = length;
    }

    /** Hash.length in bytes. */
    public int length() {
        return length;
    }

    public Digest newDigest() {
        return this == SHA256 ? new SHA256Digest() : new SHA384Digest();
    }

    public byte[] hash(byte[]... parts) {
        Digest d = newDigest();
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[length];
        d.doFinal(out, 0);
        return out;
    }

    /** Hash of the empty string, the context of Derive-Secret(., "derived", "") (RFC 8446 §7.1). */
    public byte[] emptyHash() {
        byte[] e = emptyHash;
        if (e == null) {
            e = hash();
            emptyHash = e;   // computed at most a few times: every thread gets the same bytes
        }
        return e.clone();
    }
}
