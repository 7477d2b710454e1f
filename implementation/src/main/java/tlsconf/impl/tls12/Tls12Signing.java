package tlsconf.impl.tls12;

import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.crypto.Signatures;

/**
 * Which signature schemes TLS 1.2 may use in ServerKeyExchange and CertificateVerify (RFC 5246 §7.4.1.4.1 with the
 * RFC 8446 §4.2.3 code points, RFC 8422 §5.1.3), and the content signed in ServerKeyExchange (RFC 8422 §5.4).
 * SHA-1 schemes are refused; unlike TLS 1.3 the ECDSA hash is not bound to the curve when verifying.
 */
final class Tls12Signing {
    private Tls12Signing() {
    }

    static boolean usable(SignatureScheme s) {
        switch (s) {
            case ECDSA_SECP256R1_SHA256:
            case ECDSA_SECP384R1_SHA384:
            case ECDSA_SECP521R1_SHA512:
            case RSA_PSS_RSAE_SHA256:
            case RSA_PSS_RSAE_SHA384:
            case RSA_PSS_RSAE_SHA512:
            case RSA_PKCS1_SHA256:
            case RSA_PKCS1_SHA384:
            case RSA_PKCS1_SHA512:
            case ED25519:
                return true;
            default:
                return false;
        }
    }

    /** Whether the key's type can verify this scheme (any curve for ECDSA in TLS 1.2). */
    static boolean keyTypeFits(SignatureScheme s, AsymmetricKeyParameter key) {
        switch (s.keyType()) {
            case "EC":
                return key instanceof ECKeyParameters;
            case "RSA":
                return key instanceof RSAKeyParameters;
            case "Ed25519":
                return key instanceof Ed25519PublicKeyParameters || key instanceof Ed25519PrivateKeyParameters;
            default:
                return false;
        }
    }

    /** Our first scheme, in our order, that the peer offered and our key can make. */
    static Optional<SignatureScheme> choose(List<SignatureScheme> ours, List<Integer> peerOffered,
            AsymmetricKeyParameter key) {
        for (SignatureScheme s : ours) {
            if (usable(s) && peerOffered.contains(s.code()) && Signatures.fits(s, key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static boolean isRsa(AsymmetricKeyParameter key) {
        return key instanceof RSAKeyParameters;
    }

    /** The signed content of ServerKeyExchange: ClientHello.random + ServerHello.random + ServerECDHParams. */
    static byte[] serverKeyExchangeContent(byte[] clientRandom, byte[] serverRandom, byte[] params) {
        byte[] out = new byte[64 + params.length];
        System.arraycopy(clientRandom, 0, out, 0, 32);
        System.arraycopy(serverRandom, 0, out, 32, 32);
        System.arraycopy(params, 0, out, 64, params.length);
        return out;
    }
}
