package tlsconf.impl.crypto;

import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HKDF (RFC 5869) and the TLS 1.3 wrappers HKDF-Expand-Label and Derive-Secret (RFC 8446 §7.1). */
public final class Hkdf {
    private static final byte[] TLS13_PREFIX = {'t', 'l', 's', '1', '3', ' '};

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
        return keyed(hash, prk).expand(info, length);
    }

    /** HKDF-Expand-Label(Secret, Label, Context, Length) with the "tls13 " prefix (RFC 8446 §7.1). */
    public static byte[] expandLabel(HashAlgorithm hash, byte[] secret, String label, byte[] context, int length) {
        return keyed(hash, secret).expandLabel(label, context, length);
    }

    /** Derive-Secret(Secret, Label, Messages), given Transcript-Hash(Messages) (RFC 8446 §7.1). */
    public static byte[] deriveSecret(HashAlgorithm hash, byte[] secret, String label, byte[] transcriptHash) {
        return expandLabel(hash, secret, label, transcriptHash, hash.length());
    }

    /** An HMAC keyed with {@code prk} once, for several expansions of the same secret. */
    public static Keyed keyed(HashAlgorithm hash, byte[] prk) {
        return new Keyed(hash, prk);
    }

    /**
     * One secret as an HKDF PRK with its HMAC keyed once: each expansion after the first saves the two compressions
     * of the padded key (Bouncy Castle's HMac keeps the inner and outer states and returns to them after each MAC).
     * For one handshake's use; synchronized so that sharing one by mistake cannot mix two computations.
     */
    public static final class Keyed {
        private final HashAlgorithm hash;
        private final HMac mac;

        private Keyed(HashAlgorithm hash, byte[] prk) {
            this.hash = hash;
            this.mac = new HMac(hash.newDigest());
            mac.init(new KeyParameter(prk));
        }

        /** HKDF-Expand(PRK, info, L) (RFC 5869 §2.3): T(i) = HMAC(PRK, T(i-1) | info | i). */
        public synchronized byte[] expand(byte[] info, int length) {
            int hashLen = hash.length();
            if (length > 255 * hashLen) {
                throw new IllegalArgumentException("HKDF-Expand length " + length + " too large");
            }
            byte[] out = new byte[length];
            byte[] t = new byte[hashLen];
            int done = 0;
            for (int i = 1; done < length; i++) {
                if (i > 1) {
                    mac.update(t, 0, hashLen);
                }
                mac.update(info, 0, info.length);
                mac.update((byte) i);
                mac.doFinal(t, 0);
                int n = Math.min(hashLen, length - done);
                System.arraycopy(t, 0, out, done, n);
                done += n;
            }
            return out;
        }

        /** HKDF-Expand-Label(Secret, Label, Context, Length) (RFC 8446 §7.1): info is the HkdfLabel struct. */
        public byte[] expandLabel(String label, byte[] context, int length) {
            // struct { uint16 length; opaque label<7..255> = "tls13 " + Label; opaque context<0..255>; } HkdfLabel
            int labelLength = TLS13_PREFIX.length + label.length();
            if (labelLength > 255 || context.length > 255 || length > 0xffff) {
                throw new IllegalArgumentException("HkdfLabel out of range: label '" + label + "', context "
                        + context.length + " bytes, length " + length);
            }
            byte[] info = new byte[2 + 1 + labelLength + 1 + context.length];
            info[0] = (byte) (length >>> 8);
            info[1] = (byte) length;
            info[2] = (byte) labelLength;
            System.arraycopy(TLS13_PREFIX, 0, info, 3, TLS13_PREFIX.length);
            int p = 3 + TLS13_PREFIX.length;
            for (int i = 0; i < label.length(); i++) {
                info[p++] = (byte) label.charAt(i);   // labels are ASCII (RFC 8446 §7.1)
            }
            info[p++] = (byte) context.length;
            System.arraycopy(context, 0, info, p, context.length);
            return expand(info, length);
        }

        /** Derive-Secret(Secret, Label, Messages), given Transcript-Hash(Messages) (RFC 8446 §7.1). */
        public byte[] deriveSecret(String label, byte[] transcriptHash) {
            return expandLabel(label, transcriptHash, hash.length());
        }
    }
}
