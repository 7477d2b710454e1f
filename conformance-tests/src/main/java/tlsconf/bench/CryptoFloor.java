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
 * The crypto floor: only the primitives one TLS 1.3 handshake (both sides, TLS_AES_128_GCM_SHA256, x25519, ECDSA
 * P-256, no client auth) cannot avoid, on the Bouncy Castle lightweight API our reference uses
 * ({@code tlsconf.impl.crypto}): two X25519 key generations and agreements, one deterministic ECDSA P-256 sign
 * (RFC 6979, as our server signs) and one verify, the transcript hashes, both sides' key schedules (RFC 8446 §7.1:
 * three Extracts, two "derived", four traffic secrets, eight key/iv expansions, two finished keys, two verify_data
 * HMACs, each computed by both sides, each secret keying its HMAC once) and the protected handshake records sealed
 * once and opened once (each AEAD keyed once). The server
 * key is the same object every time (a server parses its key once). The client's key for the verify follows the
 * reference's peer-key cache ({@code keyCache}, see {@link ReferencePeer}): off, it decodes the server's point for
 * each handshake, as a client without such a cache must; on, it reuses one parsed key, as the reference then does
 * (see {@link #verify}), so the floor needs the same work as the reference it is compared with. It leaves
 * out what an implementation could in principle skip or cache: certificate chain validation (two more ECDSA
 * verifies and parsing), encoding and parsing of messages. It is a bound, not a peer: no implementation can beat it.
 */
final class CryptoFloor implements HandshakePeer {
    /** Sizes of the protected records of a handshake with our ECDSA chain: EE, Certificate, CV, Finished ×2. */
    private static final int[] RECORD_SIZES = {10, 1400, 80, 36, 36};
    /** The bytes hashed into the transcript, roughly ClientHello + ServerHello + the records above. */
    private static final int TRANSCRIPT_BYTES = 250 + 90 + 1400 + 80 + 36 + 36;

    /** Hash of the empty string, the context of Derive-Secret(., "derived", ""): a constant. */
    private static final byte[] EMPTY_HASH = sha256(new byte[0]);

    private final SecureRandom random = new SecureRandom();
    private final AsymmetricKeyParameter signingKey;
    /** The server's public point as it arrives in the certificate, and its curve. */
    private final byte[] serverPoint;
    private final ECDomainParameters serverDomain;
    /** The parsed key reused by every verify when the key cache is on; null when off. */
    private final ECPublicKeyParameters cachedKey;
    private final byte[] transcript = new byte[TRANSCRIPT_BYTES];
    private final byte[][] records = new byte[RECORD_SIZES.length][];
    private long sink;

    CryptoFloor(BenchFixture fixture, boolean keyCache) throws IOException {
        this.signingKey = PrivateKeyFactory.createKey(fixture.chain.leafKey().getEncoded());
        ECPublicKeyParameters pub = (ECPublicKeyParameters) PublicKeyFactory.createKey(
                fixture.chain.leaf().getPublicKey().getEncoded());
        this.serverPoint = pub.getQ().getEncoded(false);
        this.serverDomain = pub.getParameters();
        this.cachedKey = keyCache ? pub : null;
        random.nextBytes(transcript);
        for (int i = 0; i < records.length; i++) {
            records[i] = new byte[RECORD_SIZES[i]];
            random.nextBytes(records[i]);
        }
    }

    @Override
    public String name() {
        return Bench.FLOOR;
    }

    @Override
    public TlsVersion version() {
        return TlsVersion.TLS_1_3;
    }

    @Override
    public Outcome handshake() throws Exception {
        X25519PrivateKeyParameters clientKey = new X25519PrivateKeyParameters(random);
        X25519PrivateKeyParameters serverKey = new X25519PrivateKeyParameters(random);
        X25519PublicKeyParameters clientShare = clientKey.generatePublicKey();
        X25519PublicKeyParameters serverShare = serverKey.generatePublicKey();
        byte[] zc = new byte[32];
        byte[] zs = new byte[32];
        clientKey.generateSecret(serverShare, zc, 0);
        serverKey.generateSecret(clientShare, zs, 0);

        byte[] hash = hash(transcript);
        sink += hash(transcript)[0];   // each side hashes the transcript once
        byte[] signature = sign(hash);
        if (!verify(hash, signature)) {
            throw new CryptoException("floor: ECDSA signature does not verify");
        }
        byte[] clientSide = keySchedule(zc, hash);
        byte[] serverSide = keySchedule(zs, hash);
        if (!java.util.Arrays.equals(clientSide, serverSide)) {
            throw new CryptoException("floor: the two sides derived different keys");
        }
        sealAndOpen(clientSide);
        return new Outcome("TLSv1.3", "TLS_AES_128_GCM_SHA256", "x25519");
    }

    /** Runs after a round so the JIT cannot discard the work (the sink is never otherwise read). */
    long sink() {
        return sink;
    }

    private static byte[] sha256(byte[] data) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private byte[] hash(byte[] data) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private byte[] sign(byte[] hash) throws CryptoException {
        DSADigestSigner s = new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                new SHA256Digest());
        s.init(true, signingKey);
        s.update(hash, 0, hash.length);
        return s.generateSignature();
    }

    /**
     * Without the key cache the client verifies with a point decoded afresh, as it must from a certificate it has
     * just received. Bouncy Castle keeps a point's multiplication tables on the point object, and once a point has
     * been used a few times it switches to fixed-point multiplication: a verifier reusing one key object (the key
     * cache on) is about twice as fast, a cross-handshake cache a client without one does not have.
     */
    private boolean verify(byte[] hash, byte[] signature) {
        ECPublicKeyParameters key = cachedKey != null ? cachedKey
                : new ECPublicKeyParameters(serverDomain.getCurve().decodePoint(serverPoint), serverDomain);
        DSADigestSigner s = new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
        s.init(false, key);
        s.update(hash, 0, hash.length);
        return s.verifySignature(signature);
    }

    /**
     * One side's key schedule for a full handshake; returns the server handshake key material. Each secret keys its
     * HMAC once for all that is expanded from it (the least work HKDF needs; the reference does the same).
     */
    private byte[] keySchedule(byte[] shared, byte[] th) {
        byte[] zeros = new byte[32];
        byte[] early = hmac(zeros, zeros);
        byte[] derived = expandLabel(keyed(early), "derived", EMPTY_HASH, 32);
        HMac handshake = keyed(hmac(derived, shared));
        byte[] chs = expandLabel(handshake, "c hs traffic", th, 32);
        byte[] shs = expandLabel(handshake, "s hs traffic", th, 32);
        byte[] derived2 = expandLabel(handshake, "derived", EMPTY_HASH, 32);
        HMac master = keyed(hmac(derived2, zeros));
        byte[] cap = expandLabel(master, "c ap traffic", th, 32);
        byte[] sap = expandLabel(master, "s ap traffic", th, 32);
        byte[] keyIv = new byte[0];
        byte[][] finishedKeys = new byte[2][];
        for (byte[] secret : new byte[][] {chs, shs, cap, sap}) {
            HMac s = keyed(secret);
            byte[] key = expandLabel(s, "key", new byte[0], 16);
            byte[] iv = expandLabel(s, "iv", new byte[0], 12);
            if (secret == shs) {
                keyIv = concat(key, iv);
                finishedKeys[1] = expandLabel(s, "finished", new byte[0], 32);
            } else if (secret == chs) {
                finishedKeys[0] = expandLabel(s, "finished", new byte[0], 32);
            }
        }
        byte[] serverFinished = hmac(finishedKeys[1], th);
        byte[] clientFinished = hmac(finishedKeys[0], th);
        sink += serverFinished[0] + clientFinished[0] + cap[0] + sap[0];
        return keyIv;
    }

    /** The handshake records under one key: each cipher keyed once, then per record only nonce and AAD. */
    private void sealAndOpen(byte[] keyIv) throws InvalidCipherTextException {
        KeyParameter key = new KeyParameter(keyIv, 0, 16);
        byte[] nonce = java.util.Arrays.copyOfRange(keyIv, 16, 28);
        GCMModeCipher seal = GCMBlockCipher.newInstance(AESEngine.newInstance());
        GCMModeCipher open = GCMBlockCipher.newInstance(AESEngine.newInstance());
        for (int i = 0; i < records.length; i++) {
            nonce[11] ^= (byte) i;
            byte[] aad = {23, 3, 3, 0, 0};
            KeyParameter k = i == 0 ? key : null;   // null: Bouncy Castle keeps the key and its tables
            seal.init(true, new AEADParameters(k, 128, nonce, aad));
            byte[] ct = new byte[seal.getOutputSize(records[i].length)];
            seal.doFinal(ct, seal.processBytes(records[i], 0, records[i].length, ct, 0));
            open.init(false, new AEADParameters(k, 128, nonce, aad));
            byte[] pt = new byte[open.getOutputSize(ct.length)];
            open.doFinal(pt, open.processBytes(ct, 0, ct.length, pt, 0));
            sink += pt.length;
        }
    }

    private static HMac keyed(byte[] key) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        return mac;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        return mac(keyed(key), data);
    }

    private static byte[] mac(HMac mac, byte[] data) {
        mac.update(data, 0, data.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }

    /** HKDF-Expand-Label for outputs of at most one hash block (all a TLS 1.3 AES-128 handshake needs). */
    private static byte[] expandLabel(HMac secret, String label, byte[] context, int length) {
        byte[] l = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + 1 + l.length + 1 + context.length + 1];
        info[0] = (byte) (length >> 8);
        info[1] = (byte) length;
        info[2] = (byte) l.length;
        System.arraycopy(l, 0, info, 3, l.length);
        info[3 + l.length] = (byte) context.length;
        System.arraycopy(context, 0, info, 4 + l.length, context.length);
        info[info.length - 1] = 1;
        return java.util.Arrays.copyOf(mac(secret, info), length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
