package tlsconf.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The crypto floor of a TLS 1.2 handshake (both sides, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, x25519, ECDSA P-256,
 * extended master secret, no client auth), on the Bouncy Castle lightweight API our reference uses: two X25519 key
 * generations and agreements; one deterministic ECDSA P-256 signature over the ServerKeyExchange parameters (RFC 5246
 * §7.4.3; RFC 8422 §5.4) and its verification; on each side the running transcript hash, the session hash (RFC 7627
 * §3), and the PRF (RFC 5246 §5) for the master secret (48 bytes), the key block (2 × 16-byte key + 2 × 4-byte
 * salt) and both verify_data (RFC 5246 §7.4.9), keying each HMAC once per secret; the two Finished records sealed and
 * opened once each. The verify follows the reference's peer-key cache exactly as {@link CryptoFloor} does. Chain
 * validation and message encoding are left out, as there. A bound, not a peer.
 */
final class CryptoFloor12 implements HandshakePeer {
    /** ClientHello, ServerHello, Certificate, ServerKeyExchange, ServerHelloDone, ClientKeyExchange, roughly. */
    private static final int TRANSCRIPT_BYTES = 200 + 90 + 1400 + 120 + 4 + 37;
    private static final int FINISHED_BYTES = 16;

    private final SecureRandom random = new SecureRandom();
    private final AsymmetricKeyParameter signingKey;
    private final byte[] serverPoint;
    private final ECDomainParameters serverDomain;
    private final ECPublicKeyParameters cachedKey;
    private final byte[] transcript = new byte[TRANSCRIPT_BYTES];
    private final byte[] finished = new byte[FINISHED_BYTES];
    private long sink;

    CryptoFloor12(BenchFixture fixture, boolean keyCache) throws IOException {
        this.signingKey = PrivateKeyFactory.createKey(fixture.chain.leafKey().getEncoded());
        ECPublicKeyParameters pub = (ECPublicKeyParameters) PublicKeyFactory.createKey(
                fixture.chain.leaf().getPublicKey().getEncoded());
        this.serverPoint = pub.getQ().getEncoded(false);
        this.serverDomain = pub.getParameters();
        this.cachedKey = keyCache ? pub : null;
        random.nextBytes(transcript);
        random.nextBytes(finished);
    }

    @Override
    public String name() {
        return Bench.FLOOR;
    }

    @Override
    public TlsVersion version() {
        return TlsVersion.TLS_1_2;
    }

    @Override
    public Outcome handshake() throws Exception {
        byte[] clientRandom = new byte[32];
        byte[] serverRandom = new byte[32];
        random.nextBytes(clientRandom);
        random.nextBytes(serverRandom);
        X25519PrivateKeyParameters clientKey = new X25519PrivateKeyParameters(random);
        X25519PrivateKeyParameters serverKey = new X25519PrivateKeyParameters(random);
        byte[] clientShare = clientKey.generatePublicKey().getEncoded();
        byte[] serverShare = serverKey.generatePublicKey().getEncoded();

        // ServerKeyExchange: signed client_random + server_random + ServerECDHParams (RFC 8422 §5.4)
        byte[] params = new byte[64 + 4 + 32];
        System.arraycopy(clientRandom, 0, params, 0, 32);
        System.arraycopy(serverRandom, 0, params, 32, 32);
        params[64] = 3;
        params[66] = 29;
        params[67] = 32;
        System.arraycopy(serverShare, 0, params, 68, 32);
        byte[] signature = sign(params);
        if (!verify(params, signature)) {
            throw new CryptoException("floor: ECDSA signature does not verify");
        }
        byte[] zc = new byte[32];
        byte[] zs = new byte[32];
        clientKey.generateSecret(new X25519PublicKeyParameters(serverShare, 0), zc, 0);
        serverKey.generateSecret(new X25519PublicKeyParameters(clientShare, 0), zs, 0);

        byte[] clientSide = side(zc, clientRandom, serverRandom);
        byte[] serverSide = side(zs, clientRandom, serverRandom);
        if (!java.util.Arrays.equals(clientSide, serverSide)) {
            throw new CryptoException("floor: the two sides derived different keys");
        }
        sealAndOpen(clientSide);
        return new Outcome("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "x25519");
    }

    long sink() {
        return sink;
    }

    /** One side's hashes and PRF work; returns the key block. */
    private byte[] side(byte[] preMaster, byte[] clientRandom, byte[] serverRandom) {
        SHA256Digest running = new SHA256Digest();
        running.update(transcript, 0, transcript.length);
        SHA256Digest copy = new SHA256Digest(running);
        byte[] sessionHash = new byte[32];   // also the client Finished's transcript hash (no client auth)
        copy.doFinal(sessionHash, 0);
        running.update(finished, 0, finished.length);
        byte[] serverFinishedHash = new byte[32];
        running.doFinal(serverFinishedHash, 0);

        byte[] master = prf(keyed(preMaster), "extended master secret", sessionHash, 48);
        HMac masterMac = keyed(master);
        byte[] keyBlock = prf(masterMac, "key expansion", concat(serverRandom, clientRandom), 40);
        byte[] cf = prf(masterMac, "client finished", sessionHash, 12);
        byte[] sf = prf(masterMac, "server finished", serverFinishedHash, 12);
        sink += cf[0] + sf[0];
        return keyBlock;
    }

    private static HMac keyed(byte[] secret) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(secret));
        return mac;
    }

    /** PRF(secret, label, seed) = P_SHA256(secret, label + seed) (RFC 5246 §5), with an already keyed HMAC. */
    private static byte[] prf(HMac mac, String label, byte[] seed, int length) {
        byte[] labelSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        byte[] out = new byte[length];
        byte[] a = labelSeed;
        byte[] block = new byte[32];
        for (int done = 0; done < length; done += 32) {
            mac.update(a, 0, a.length);
            a = new byte[32];
            mac.doFinal(a, 0);
            mac.update(a, 0, a.length);
            mac.update(labelSeed, 0, labelSeed.length);
            mac.doFinal(block, 0);
            System.arraycopy(block, 0, out, done, Math.min(32, length - done));
        }
        return out;
    }

    private byte[] sign(byte[] message) throws CryptoException {
        DSADigestSigner s = new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                new SHA256Digest());
        s.init(true, signingKey);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }

    /** As {@link CryptoFloor}: a fresh point without the key cache, one reused key object with it. */
    private boolean verify(byte[] message, byte[] signature) {
        ECPublicKeyParameters key = cachedKey != null ? cachedKey
                : new ECPublicKeyParameters(serverDomain.getCurve().decodePoint(serverPoint), serverDomain);
        DSADigestSigner s = new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
        s.init(false, key);
        s.update(message, 0, message.length);
        return s.verifySignature(signature);
    }

    /** Both Finished records (RFC 5288 nonce: 4-byte salt from the key block, 8 explicit bytes), sealed and opened. */
    private void sealAndOpen(byte[] keyBlock) throws InvalidCipherTextException {
        for (int dir = 0; dir < 2; dir++) {
            KeyParameter key = new KeyParameter(keyBlock, dir * 16, 16);
            byte[] nonce = new byte[12];
            System.arraycopy(keyBlock, 32 + dir * 4, nonce, 0, 4);
            byte[] aad = {0, 0, 0, 0, 0, 0, 0, 0, 22, 3, 3, 0, FINISHED_BYTES};
            GCMModeCipher seal = GCMBlockCipher.newInstance(AESEngine.newInstance());
            seal.init(true, new AEADParameters(key, 128, nonce, aad));
            byte[] ct = new byte[seal.getOutputSize(FINISHED_BYTES)];
            seal.doFinal(ct, seal.processBytes(finished, 0, FINISHED_BYTES, ct, 0));
            GCMModeCipher open = GCMBlockCipher.newInstance(AESEngine.newInstance());
            open.init(false, new AEADParameters(key, 128, nonce, aad));
            byte[] pt = new byte[open.getOutputSize(ct.length)];
            open.doFinal(pt, open.processBytes(ct, 0, ct.length, pt, 0));
            sink += pt.length;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
