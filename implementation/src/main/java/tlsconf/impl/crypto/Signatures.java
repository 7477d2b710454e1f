package tlsconf.impl.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.Ed448Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import tlsconf.impl.RandomSource;
import tlsconf.impl.SignatureScheme;

/**
 * Signing and verifying with the TLS signature schemes on BC's lightweight API (RFC 8446 §4.2.3, §4.4.3). Keys are
 * converted from JCA once ({@link #privateKey}, {@link #publicKey}). ECDSA signs deterministically (RFC 6979) so a
 * fixed configuration gives fixed bytes; RSA-PSS salts come from the injected randomness.
 */
public final class Signatures {
    private static final byte[] SPACES = new byte[64];
    private static final java.util.Map<PrivateKey, AsymmetricKeyParameter> PRIVATE_KEYS = new java.util.WeakHashMap<>();

    static {
        java.util.Arrays.fill(SPACES, (byte) 0x20);
    }

    private Signatures() {
    }

    /**
     * The lightweight form of our own private key. A config is often built per connection with the same key object,
     * so the conversion (a PKCS#8 parse) is kept as long as the key object lives: by equality, so an equal key in
     * another object shares it, and weakly, so the cache keeps no key alive.
     */
    public static AsymmetricKeyParameter privateKey(PrivateKey key) {
        synchronized (PRIVATE_KEYS) {
            AsymmetricKeyParameter k = PRIVATE_KEYS.get(key);
            if (k != null) {
                return k;
            }
        }
        AsymmetricKeyParameter k;
        try {
            k = PrivateKeyFactory.createKey(key.getEncoded());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unsupported private key " + key.getAlgorithm() + ": " + e, e);
        }
        synchronized (PRIVATE_KEYS) {
            PRIVATE_KEYS.putIfAbsent(key, k);
        }
        return k;
    }

    public static AsymmetricKeyParameter publicKey(PublicKey key) {
        try {
            return PublicKeyFactory.createKey(key.getEncoded());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unsupported public key " + key.getAlgorithm() + ": " + e, e);
        }
    }

    /** The signed content of CertificateVerify: 64 spaces, the context string, 0, the transcript hash (§4.4.3). */
    public static byte[] certificateVerifyContent(boolean fromServer, byte[] transcriptHash) {
        byte[] ctx = (fromServer ? "TLS 1.3, server CertificateVerify" : "TLS 1.3, client CertificateVerify")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[64 + ctx.length + 1 + transcriptHash.length];
        System.arraycopy(SPACES, 0, out, 0, 64);
        System.arraycopy(ctx, 0, out, 64, ctx.length);
        System.arraycopy(transcriptHash, 0, out, 64 + ctx.length + 1, transcriptHash.length);
        return out;
    }

    /** Whether {@code key} can make or check signatures of {@code scheme} (ECDSA curves are bound in TLS 1.3). */
    public static boolean fits(SignatureScheme scheme, AsymmetricKeyParameter key) {
        switch (scheme) {
            case ECDSA_SECP256R1_SHA256:
                return curveBits(key) == 256;
            case ECDSA_SECP384R1_SHA384:
                return curveBits(key) == 384;
            case ECDSA_SECP521R1_SHA512:
                return curveBits(key) == 521;
            case ECDSA_SHA1:
                return key instanceof ECKeyParameters;
            case RSA_PSS_RSAE_SHA256:
            case RSA_PSS_RSAE_SHA384:
            case RSA_PSS_RSAE_SHA512:
            case RSA_PKCS1_SHA256:
            case RSA_PKCS1_SHA384:
            case RSA_PKCS1_SHA512:
            case RSA_PKCS1_SHA1:
                return key instanceof RSAKeyParameters;
            case ED25519:
                return key instanceof Ed25519PrivateKeyParameters || key instanceof Ed25519PublicKeyParameters;
            case ED448:
                return key instanceof Ed448PrivateKeyParameters || key instanceof Ed448PublicKeyParameters;
            default:
                // rsa_pss_pss_*: keys with the RSASSA-PSS OID are not supported.
                return false;
        }
    }

    private static int curveBits(AsymmetricKeyParameter key) {
        return key instanceof ECKeyParameters
                ? ((ECKeyParameters) key).getParameters().getCurve().getFieldSize() : -1;
    }

    public static byte[] sign(SignatureScheme scheme, AsymmetricKeyParameter key, byte[] message,
            RandomSource random) {
        Signer s = signer(scheme);
        if (s instanceof PSSSigner) {
            s.init(true, new ParametersWithRandom(key, random.asSecureRandom()));
        } else {
            s.init(true, key);
        }
        s.update(message, 0, message.length);
        try {
            return s.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("signing with " + scheme + " failed", e);
        }
    }

    public static boolean verify(SignatureScheme scheme, AsymmetricKeyParameter key, byte[] message,
            byte[] signature) {
        try {
            Signer s = signer(scheme);
            s.init(false, key);
            s.update(message, 0, message.length);
            return s.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Signer signer(SignatureScheme scheme) {
        switch (scheme) {
            case ECDSA_SECP256R1_SHA256:
                return new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                        new SHA256Digest());
            case ECDSA_SECP384R1_SHA384:
                return new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA384Digest())),
                        new SHA384Digest());
            case ECDSA_SECP521R1_SHA512:
                return new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA512Digest())),
                        new SHA512Digest());
            case ECDSA_SHA1:
                return new DSADigestSigner(new ECDSASigner(), new SHA1Digest());
            case RSA_PSS_RSAE_SHA256:
                return pss(new SHA256Digest(), new SHA256Digest());
            case RSA_PSS_RSAE_SHA384:
                return pss(new SHA384Digest(), new SHA384Digest());
            case RSA_PSS_RSAE_SHA512:
                return pss(new SHA512Digest(), new SHA512Digest());
            case RSA_PKCS1_SHA256:
                return new RSADigestSigner(new SHA256Digest());
            case RSA_PKCS1_SHA384:
                return new RSADigestSigner(new SHA384Digest());
            case RSA_PKCS1_SHA512:
                return new RSADigestSigner(new SHA512Digest());
            case RSA_PKCS1_SHA1:
                return new RSADigestSigner(new SHA1Digest());
            case ED25519:
                return new Ed25519Signer();
            case ED448:
                return new Ed448Signer(new byte[0]);
            default:
                throw new IllegalArgumentException("signature scheme " + scheme + " not supported");
        }
    }

    private static Signer pss(Digest content, Digest mgf) {
        return new PSSSigner(new RSABlindedEngine(), content, mgf, content.getDigestSize(), PSSSigner.TRAILER_IMPLICIT);
    }
}
