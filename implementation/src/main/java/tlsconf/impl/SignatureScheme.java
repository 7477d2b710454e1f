package tlsconf.impl;

import java.util.Optional;

/**
 * Signature schemes (RFC 8446 §4.2.3). The rsa_pkcs1 and SHA-1 schemes are for certificate signatures only:
 * never in CertificateVerify.
 */
public enum SignatureScheme {
    ECDSA_SECP256R1_SHA256(0x0403, "EC", true),
    ECDSA_SECP384R1_SHA384(0x0503, "EC", true),
    ECDSA_SECP521R1_SHA512(0x0603, "EC", true),
    RSA_PSS_RSAE_SHA256(0x0804, "RSA", true),
    RSA_PSS_RSAE_SHA384(0x0805, "RSA", true),
    RSA_PSS_RSAE_SHA512(0x0806, "RSA", true),
    ED25519(0x0807, "Ed25519", true),
    ED448(0x0808, "Ed448", true),
    RSA_PSS_PSS_SHA256(0x0809, "RSASSA-PSS", true),
    RSA_PSS_PSS_SHA384(0x080a, "RSASSA-PSS", true),
    RSA_PSS_PSS_SHA512(0x080b, "RSASSA-PSS", true),
    RSA_PKCS1_SHA256(0x0401, "RSA", false),
    RSA_PKCS1_SHA384(0x0501, "RSA", false),
    RSA_PKCS1_SHA512(0x0601, "RSA", false),
    ECDSA_SHA1(0x0203, "EC", false),
    RSA_PKCS1_SHA1(0x0201, "RSA", false);

    private final int code;
    private final String keyType;
    private final boolean forHandshake;

    SignatureScheme(int code, String keyType, boolean forHandshake) {
        this.code = code;
        this.keyType = keyType;
        this.forHandshake = forHandshake;
    }

    public int code() {
        return code;
    }

    /** JCA key algorithm this scheme signs with. */
    public String keyType() {
        return keyType;
    }

    /** Whether TLS 1.3 allows this scheme in CertificateVerify (RFC 8446 §4.2.3: not rsa_pkcs1, not SHA-1). */
    public boolean allowedInCertificateVerify() {
        return forHandshake;
    }

    public static Optional<SignatureScheme> fromCode(int code) {
        for (SignatureScheme s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
