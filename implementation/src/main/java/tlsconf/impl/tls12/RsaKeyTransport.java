package tlsconf.impl.tls12;

import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import tlsconf.impl.RandomSource;

/**
 * RSA key transport of the premaster secret (RFC 5246 §7.4.7.1), with the Bleichenbacher countermeasure on the
 * server: a random 48-byte premaster R is drawn before decrypting; if the PKCS#1 v1.5 padding is wrong, the length is
 * not 48, or the first two bytes are not ClientHello.client_version, R is used instead, selected without a branch on
 * the secret outcome. The handshake then fails only at the Finished (bad_record_mac or decrypt_error), exactly as for a
 * well-formed premaster that the client and server disagree on: no alert and no code path tells the cases apart.
 */
public final class RsaKeyTransport {
    public static final int PREMASTER_LENGTH = 48;

    private RsaKeyTransport() {
    }

    /** Client: a fresh premaster secret {client_version, 46 random bytes}. */
    public static byte[] newPremaster(int clientVersion, RandomSource random) {
        byte[] pm = new byte[PREMASTER_LENGTH];
        random.nextBytes(pm);
        pm[0] = (byte) (clientVersion >>> 8);
        pm[1] = (byte) clientVersion;
        return pm;
    }

    /** Client: the premaster encrypted to the server's RSA key with PKCS#1 v1.5 (RFC 5246 §7.4.7.1). */
    public static byte[] encrypt(RSAKeyParameters serverKey, byte[] premaster, RandomSource random) {
        AsymmetricBlockCipher c = new PKCS1Encoding(new RSABlindedEngine());
        c.init(true, new ParametersWithRandom(serverKey, random.asSecureRandom()));
        try {
            return c.processBlock(premaster, 0, premaster.length);
        } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
            throw new IllegalStateException("RSA encryption of the premaster secret failed", e);
        }
    }

    /**
     * Server: the premaster secret, or a random one whenever decryption or the version check fails. Never throws and
     * never reports which happened.
     */
    public static byte[] decrypt(AsymmetricKeyParameter privateKey, byte[] encrypted, int clientVersion,
            RandomSource random) {
        byte[] fallback = new byte[PREMASTER_LENGTH];
        random.nextBytes(fallback);
        byte[] decrypted;
        try {
            // BC's PKCS1Encoding with a fallback returns the fallback on bad padding or a wrong plaintext length,
            // decoding without a data-dependent branch (the same construction BC's own TLS uses).
            PKCS1Encoding c = new PKCS1Encoding(new RSABlindedEngine(), fallback);
            c.init(false, new ParametersWithRandom(privateKey, random.asSecureRandom()));
            decrypted = c.processBlock(encrypted, 0, encrypted.length);
        } catch (org.bouncycastle.crypto.InvalidCipherTextException | RuntimeException e) {
            // Only a ciphertext of the wrong size (public information) gets here.
            decrypted = fallback;
        }
        if (decrypted.length != PREMASTER_LENGTH) {
            decrypted = fallback;
        }
        int diff = ((decrypted[0] & 0xff) ^ ((clientVersion >>> 8) & 0xff))
                | ((decrypted[1] & 0xff) ^ (clientVersion & 0xff));
        int keep = (diff - 1) >> 31; // -1 when the version matched, 0 otherwise
        byte[] out = new byte[PREMASTER_LENGTH];
        for (int i = 0; i < PREMASTER_LENGTH; i++) {
            out[i] = (byte) ((decrypted[i] & keep) | (fallback[i] & ~keep));
        }
        return out;
    }
}
