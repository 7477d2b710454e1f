package tlsconf.impl.cert;

import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The TLS-specific algorithm rules the PKIX validator does not apply: which signature algorithms a certificate we
 * must verify may use, and which public keys we accept. Trust anchors are exempt from the signature rule (RFC 8446
 * §4.4.2.4: "endpoints can accept these algorithms for certificates that are self-signed or are trust anchors").
 */
final class AlgorithmPolicy {
    /**
     * RSA moduli below this are refused. A policy (CA/Browser Forum Baseline Requirements §6.1.5, NIST SP 800-131A;
     * the brief of issue 3): RFC 8446 and RFC 5246 set no minimum key size.
     */
    static final int MIN_RSA_BITS = 2048;

    private static final Set<String> MD5_OR_WORSE = Set.of(
            "1.2.840.113549.1.1.4", // md5WithRSAEncryption
            "1.2.840.113549.1.1.2", // md2WithRSAEncryption
            "1.2.840.113549.1.1.3"); // md4WithRSAEncryption
    private static final Set<String> SHA1 = Set.of(
            "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
            "1.3.14.3.2.29", // sha1WithRSASignature (OIW)
            "1.2.840.10045.4.1", // ecdsa-with-SHA1
            "1.2.840.10040.4.3"); // dsa-with-sha1
    private static final Map<String, String> ACCEPTED = Map.of(
            "1.2.840.113549.1.1.11", "sha256WithRSAEncryption",
            "1.2.840.113549.1.1.12", "sha384WithRSAEncryption",
            "1.2.840.113549.1.1.13", "sha512WithRSAEncryption",
            "1.2.840.10045.4.3.2", "ecdsa-with-SHA256",
            "1.2.840.10045.4.3.3", "ecdsa-with-SHA384",
            "1.2.840.10045.4.3.4", "ecdsa-with-SHA512",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448");
    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    private static final Set<String> PSS_HASHES = Set.of(
            "2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2", "2.16.840.1.101.3.4.2.3"); // SHA-256/384/512
    private static final String SHA1_HASH = "1.3.14.3.2.26";

    private static final String RSA_KEY = "1.2.840.113549.1.1.1";
    private static final String EC_KEY = "1.2.840.10045.2.1";
    private static final Map<String, String> CURVES = Map.of(
            "1.2.840.10045.3.1.7", "secp256r1",
            "1.3.132.0.34", "secp384r1",
            "1.3.132.0.35", "secp521r1");
    private static final Set<String> EDDSA_KEYS = Set.of("1.3.101.112", "1.3.101.113");

    private AlgorithmPolicy() {
    }

    /** The signature on {@code cert} (which we would have to verify) uses an acceptable algorithm. */
    static void checkSignatureAlgorithm(X509Certificate cert, String who) throws CertificateRejection {
        String oid = cert.getSigAlgOID();
        if (MD5_OR_WORSE.contains(oid)) {
            throw CertificateViolation.MD5_SIGNATURE.reject(who + " is signed with " + cert.getSigAlgName()
                    + " (MD5 or older hash), which RFC 8446 §4.4.2.4 forbids");
        }
        if (SHA1.contains(oid)) {
            throw CertificateViolation.SHA1_SIGNATURE.reject(who + " is signed with " + cert.getSigAlgName()
                    + " (SHA-1), which RFC 8446 §4.4.2.4 recommends to refuse and tlsconf refuses");
        }
        if (ACCEPTED.containsKey(oid)) {
            return;
        }
        if (RSASSA_PSS.equals(oid)) {
            String hash = pssHash(cert.getSigAlgParams());
            if (SHA1_HASH.equals(hash)) {
                throw CertificateViolation.SHA1_SIGNATURE.reject(who + " is signed with RSASSA-PSS over SHA-1");
            }
            if (PSS_HASHES.contains(hash)) {
                return;
            }
            throw CertificateViolation.UNSUPPORTED_SIGNATURE_ALGORITHM.reject(
                    who + " is signed with RSASSA-PSS using an unsupported or malformed hash (" + hash + ")");
        }
        throw CertificateViolation.UNSUPPORTED_SIGNATURE_ALGORITHM.reject(
                who + " is signed with unsupported algorithm " + cert.getSigAlgName() + " (" + oid + ")");
    }

    /** The public key of {@code cert} is one we accept: RSA of at least 2048 bits, P-256/384/521, Ed25519/Ed448. */
    static void checkPublicKey(X509Certificate cert, String who) throws CertificateRejection {
        PublicKey key = cert.getPublicKey();
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        } catch (RuntimeException e) {
            throw CertificateViolation.MALFORMED_ENCODING.reject(who + " has an unparseable public key", e);
        }
        AlgorithmIdentifier alg = spki.getAlgorithm();
        String oid = alg.getAlgorithm().getId();
        if (RSA_KEY.equals(oid) || RSASSA_PSS.equals(oid)) {
            int bits = key instanceof RSAKey rsa ? rsa.getModulus().bitLength() : 0;
            if (bits < MIN_RSA_BITS) {
                throw CertificateViolation.WEAK_KEY.reject(who + " has a " + bits + "-bit RSA key; at least "
                        + MIN_RSA_BITS + " bits are required");
            }
            return;
        }
        if (EC_KEY.equals(oid)) {
            String curve = alg.getParameters() instanceof ASN1ObjectIdentifier named ? named.getId() : null;
            if (curve == null || !CURVES.containsKey(curve)) {
                throw CertificateViolation.UNSUPPORTED_KEY.reject(who + " has an EC key on an unsupported curve ("
                        + (curve == null ? "explicit or implicit parameters" : curve)
                        + "); accepted: secp256r1, secp384r1, secp521r1");
            }
            return;
        }
        if (EDDSA_KEYS.contains(oid)) {
            return;
        }
        throw CertificateViolation.UNSUPPORTED_KEY.reject(
                who + " has an unsupported public key algorithm " + key.getAlgorithm() + " (" + oid + ")");
    }

    private static String pssHash(byte[] params) {
        if (params == null) {
            return SHA1_HASH; // absent parameters mean the RFC 4055 defaults: SHA-1
        }
        try {
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(params);
            return p.getHashAlgorithm().getAlgorithm().getId();
        } catch (RuntimeException e) {
            return "unparseable parameters";
        }
    }
}
