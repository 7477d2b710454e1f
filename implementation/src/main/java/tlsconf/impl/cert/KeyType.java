package tlsconf.impl.cert;

/**
 * Key types {@link TestPki} generates. Each knows how to make a key pair with Bouncy Castle's JCA provider and
 * which algorithm its holder uses to sign certificates.
 */
public enum KeyType {
    /** ECDSA on secp256r1; TLS 1.3 scheme ecdsa_secp256r1_sha256. */
    EC_P256("EC", 256, "SHA256withECDSA"),
    /**
     * RSA-2048 with an rsaEncryption key: usable for rsa_pss_rsae_* in TLS 1.3 (RFC 8446 §4.2.3) and for
     * rsa_pkcs1_* certificate signatures and TLS 1.2. Certificates are signed with sha256WithRSAEncryption.
     */
    RSA_2048("RSA", 2048, "SHA256withRSA"),
    /**
     * RSA-2048 with an id-RSASSA-PSS key (RFC 4055 §1.2): usable only for rsa_pss_pss_* in TLS 1.3 (RFC 8446
     * §4.2.3). Certificates are signed with RSASSA-PSS over SHA-256 (MGF1 SHA-256, 32-byte salt).
     */
    RSA_PSS_2048("RSASSA-PSS", 2048, "SHA256withRSAandMGF1"),
    /** Ed25519 (RFC 8410); TLS 1.3 scheme ed25519. */
    ED25519("Ed25519", 0, "Ed25519"),
    /** Too weak on purpose: only for the {@link CertificateDefect#RSA_1024_KEY} defect. */
    RSA_1024("RSA", 1024, "SHA256withRSA");

    private final String jcaAlgorithm;
    private final int bits;
    private final String certificateSignature;

    KeyType(String jcaAlgorithm, int bits, String certificateSignature) {
        this.jcaAlgorithm = jcaAlgorithm;
        this.bits = bits;
        this.certificateSignature = certificateSignature;
    }

    /** The JCA key algorithm name. */
    public String jcaAlgorithm() {
        return jcaAlgorithm;
    }

    /** Modulus or field size in bits; 0 where the algorithm fixes it (Ed25519). */
    public int bits() {
        return bits;
    }

    /** The JCA signature algorithm a CA with this key type uses to sign certificates. */
    public String certificateSignature() {
        return certificateSignature;
    }

    /** The key types of normal (good) chains. */
    public static KeyType[] normal() {
        return new KeyType[] {EC_P256, RSA_2048, RSA_PSS_2048, ED25519};
    }
}
