package tlsconf.impl.tls12;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import tlsconf.impl.crypto.HashAlgorithm;

/**
 * The TLS 1.2 pseudorandom function and what is derived with it (RFC 5246 §5, §6.3, §7.4.9, §8.1; RFC 7627 §4).
 * PRF(secret, label, seed) = P_hash(secret, label + seed), with P_hash the HMAC chain A(i) = HMAC(secret, A(i-1)).
 */
public final class Prf {
    /** Length of the master secret (RFC 5246 §8.1). */
    public static final int MASTER_SECRET_LENGTH = 48;
    /** Length of Finished.verify_data for every suite we implement (RFC 5246 §7.4.9). */
    public static final int VERIFY_DATA_LENGTH = 12;

    private Prf() {
    }

    /** PRF(secret, label, seed) truncated to {@code length} bytes. */
    public static byte[] prf(HashAlgorithm hash, byte[] secret, String label, byte[] seed, int length) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] fullSeed = new byte[labelBytes.length + seed.length];
        System.arraycopy(labelBytes, 0, fullSeed, 0, labelBytes.length);
        System.arraycopy(seed, 0, fullSeed, labelBytes.length, seed.length);
        return pHash(hash, secret, fullSeed, length);
    }

    private static byte[] pHash(HashAlgorithm hash, byte[] secret, byte[] seed, int length) {
        HMac mac = new HMac(hash.newDigest());
        mac.init(new KeyParameter(secret));
        int block = mac.getMacSize();
        byte[] out = new byte[length];
        byte[] a = seed;
        int pos = 0;
        while (pos < length) {
            a = hmac(mac, a);
            mac.update(a, 0, a.length);
            mac.update(seed, 0, seed.length);
            byte[] chunk = new byte[block];
            mac.doFinal(chunk, 0);
            int n = Math.min(block, length - pos);
            System.arraycopy(chunk, 0, out, pos, n);
            pos += n;
        }
        return out;
    }

    private static byte[] hmac(HMac mac, byte[] data) {
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** master_secret = PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random) (§8.1). */
    public static byte[] masterSecret(HashAlgorithm hash, byte[] preMaster, byte[] clientRandom, byte[] serverRandom) {
        return prf(hash, preMaster, "master secret", concat(clientRandom, serverRandom), MASTER_SECRET_LENGTH);
    }

    /**
     * RFC 7627 §4: master_secret = PRF(pre_master_secret, "extended master secret", session_hash), the session hash
     * covering the handshake messages up to and including ClientKeyExchange.
     */
    public static byte[] extendedMasterSecret(HashAlgorithm hash, byte[] preMaster, byte[] sessionHash) {
        return prf(hash, preMaster, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
    }

    /** key_block = PRF(master, "key expansion", server_random + client_random) (RFC 5246 §6.3). */
    public static byte[] keyBlock(HashAlgorithm hash, byte[] master, byte[] clientRandom, byte[] serverRandom,
            int length) {
        return prf(hash, master, "key expansion", concat(serverRandom, clientRandom), length);
    }

    /** verify_data = PRF(master, finished_label, Hash(handshake_messages))[0..11] (RFC 5246 §7.4.9). */
    public static byte[] verifyData(HashAlgorithm hash, byte[] master, boolean fromClient, byte[] transcriptHash) {
        return prf(hash, master, fromClient ? "client finished" : "server finished", transcriptHash,
                VERIFY_DATA_LENGTH);
    }
}
