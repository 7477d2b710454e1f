package tlsconf.impl.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import tlsconf.impl.codec.TlsWriter;

/** HKDF (RFC 5869) and the TLS 1.3 wrappers HKDF-Expand-Label and Derive-Secret (RFC 8446 §7.1). */
public final class Hkdf {
    private Hkdf() {
    }

    public static byte[] hmac(HashAlgorithm hash, byte[] key, byte[]... data) {
        HMac mac = new HMac(hash.newDigest());
        mac.init(new KeyParameter(key));
        for (byte[] d : data) {
            mac.update(d, 0, d.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** HKDF-Extract(salt, IKM); an absent salt is Hash.length zeros (RFC 5869 §2.2). */
    public static byte[] extract(HashAlgorithm hash, byte[] salt, byte[] ikm) {
        byte[] s = salt == null || salt.length == 0 ? new byte[hash.length()] : salt;
        return hmac(hash, s, ikm);
    }

    /** HKDF-Expand(PRK, info, L) (RFC 5869 §2.3). */
    public static byte[] expand(HashAlgorithm hash, byte[] prk, byte[] info, int length) {
        if (length > 255 * hash.length()) {
            throw new IllegalArgumentException("HKDF-Expand length " + length + " too large");
        }
        HMac mac = new HMac(hash.newDigest());
        mac.init(new KeyParameter(prk));
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            mac.update(t, 0, t.length);
            mac.update(info, 0, info.length);
            mac.update((byte) i);
            t = new byte[mac.getMacSize()];
            mac.doFinal(t, 0);
            int n = Math.min(t.length, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        return out;
    }

    /** HKDF-Expand-Label(Secret, Label, Context, Length) with the "tls13 " prefix (RFC 8446 §7.1). */
    public static byte[] expandLabel(HashAlgorithm hash, byte[] secret, String label, byte[] context, int length) {
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new TlsWriter(fullLabel.length + context.length + 4)
                .u16(length).vector(1, fullLabel).vector(1, context).toByteArray();
        return expand(hash, secret, info, length);
    }

    /** Derive-Secret(Secret, Label, Messages), given Transcript-Hash(Messages) (RFC 8446 §7.1). */
    public static byte[] deriveSecret(HashAlgorithm hash, byte[] secret, String label, byte[] transcriptHash) {
        return expandLabel(hash, secret, label, transcriptHash, hash.length());
    }
}
