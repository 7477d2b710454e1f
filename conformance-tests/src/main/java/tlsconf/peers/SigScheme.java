package tlsconf.peers;

import java.security.Key;
import java.util.Optional;

/**
 * The CertificateVerify signature schemes the interop matrix covers (RFC 8446 §4.2.3), each with the key its
 * certificate must hold. Names as in {@code tlsconf.impl.SignatureScheme}.
 */
public enum SigScheme {
    ECDSA_SECP256R1_SHA256("ecdsa_secp256r1_sha256", KeyKind.EC_P256, "ECDSA+SHA256", "SIGN-ECDSA-SECP256R1-SHA256"),
    RSA_PSS_RSAE_SHA256("rsa_pss_rsae_sha256", KeyKind.RSA_2048, "rsa_pss_rsae_sha256", "SIGN-RSA-PSS-RSAE-SHA256"),
    ED25519("ed25519", KeyKind.ED25519, "ed25519", "SIGN-EDDSA-ED25519");

    /** The key type of a certificate that can sign with the scheme. */
    public enum KeyKind { EC_P256, RSA_2048, ED25519 }

    private final String rfcName;
    private final KeyKind keyKind;
    private final String openssl;
    private final String gnutls;

    SigScheme(String rfcName, KeyKind keyKind, String openssl, String gnutls) {
        this.rfcName = rfcName;
        this.keyKind = keyKind;
        this.openssl = openssl;
        this.gnutls = gnutls;
    }

    public String rfcName() {
        return rfcName;
    }

    public KeyKind keyKind() {
        return keyKind;
    }

    /** The scheme a TLS 1.3 CertificateVerify made with {@code key} uses here, if it is one of ours. */
    public static Optional<SigScheme> forKey(Key key) {
        String alg = key.getAlgorithm();
        if (alg.equals("EC") || alg.equals("ECDSA")) {
            return Optional.of(ECDSA_SECP256R1_SHA256);
        }
        if (alg.equals("RSA")) {
            return Optional.of(RSA_PSS_RSAE_SHA256);
        }
        if (alg.equals("Ed25519") || alg.equals("EdDSA")) {
            return Optional.of(ED25519);
        }
        return Optional.empty();
    }

    /** OpenSSL's {@code -sigalgs} spelling. */
    public String openssl() {
        return openssl;
    }

    /** GnuTLS's priority token, without the sign; also how gnutls-cli names it in its Description. */
    public String gnutls() {
        return gnutls;
    }
}
