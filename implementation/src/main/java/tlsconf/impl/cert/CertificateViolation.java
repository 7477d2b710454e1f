package tlsconf.impl.cert;

import tlsconf.model.vocabulary.AlertDescription;

/**
 * Every reason {@link CertificateValidator} rejects a certificate chain, each with the alert our side sends for it.
 *
 * <p>The mapping follows the alert definitions of RFC 8446 §6.2 (which repeat RFC 5246 §7.2.2):
 * <ul>
 *   <li>{@code bad_certificate}: "a certificate was corrupt, contained signatures that did not verify correctly,
 *       etc." We use it for encodings that do not parse, failed signatures, MD5/SHA-1 signatures (RFC 8446
 *       §4.4.2.4 names exactly this alert), and structural RFC 5280 violations of the path (CA flag, path length,
 *       keyCertSign, name constraints, unknown critical extensions): the certificates say something invalid.</li>
 *   <li>{@code unsupported_certificate}: "a certificate was of an unsupported type". Keys and signature algorithms
 *       we do not accept (RSA below 2048 bits, unknown curves, unknown algorithms), and a leaf whose key usage or
 *       extended key usage does not allow TLS authentication: RFC 8446 §4.4.2.2 names
 *       {@code unsupported_certificate} as the default alert when no acceptable chain can be built.</li>
 *   <li>{@code certificate_expired}: "a certificate has expired or is not currently valid": both ends of the
 *       validity period (RFC 5280 §6.1.3 (a)(2)).</li>
 *   <li>{@code unknown_ca}: "the CA certificate could not be located or could not be matched with a known trust
 *       anchor".</li>
 *   <li>{@code certificate_unknown}: "some other (unspecified) issue": a name that does not match the peer
 *       (RFC 6125 §6 names no alert) and anything the PKIX validator reports without a specific reason.</li>
 *   <li>{@code decode_error} for an empty server Certificate and {@code certificate_required} for an empty client
 *       Certificate: RFC 8446 §4.4.2.4.</li>
 * </ul>
 */
public enum CertificateViolation {
    EMPTY_SERVER_CHAIN(AlertDescription.DECODE_ERROR, "RFC 8446 §4.4.2.4"),
    EMPTY_CLIENT_CHAIN(AlertDescription.CERTIFICATE_REQUIRED, "RFC 8446 §4.4.2.4"),
    MALFORMED_ENCODING(AlertDescription.BAD_CERTIFICATE, "RFC 8446 §6.2, RFC 5280 §4.1"),
    TRAILING_DATA(AlertDescription.BAD_CERTIFICATE, "RFC 8446 §6.2, RFC 5280 §4.1 (DER)"),
    BAD_SIGNATURE(AlertDescription.BAD_CERTIFICATE, "RFC 8446 §6.2, RFC 5280 §6.1.3 (a)(1)"),
    MD5_SIGNATURE(AlertDescription.BAD_CERTIFICATE, "RFC 8446 §4.4.2.4 (MUST)"),
    SHA1_SIGNATURE(AlertDescription.BAD_CERTIFICATE, "RFC 8446 §4.4.2.4 (RECOMMENDED)"),
    UNSUPPORTED_SIGNATURE_ALGORITHM(AlertDescription.UNSUPPORTED_CERTIFICATE, "RFC 8446 §4.4.2.2, §6.2"),
    /** Policy, not an RFC rule (no RFC sets a minimum key size): see {@link AlgorithmPolicy#MIN_RSA_BITS}. */
    WEAK_KEY(AlertDescription.UNSUPPORTED_CERTIFICATE,
            "policy (CA/Browser Forum Baseline Requirements §6.1.5, NIST SP 800-131A); alert: RFC 8446 §6.2"),
    UNSUPPORTED_KEY(AlertDescription.UNSUPPORTED_CERTIFICATE, "RFC 8446 §4.4.2.2, §6.2"),
    EXPIRED(AlertDescription.CERTIFICATE_EXPIRED, "RFC 8446 §6.2, RFC 5280 §6.1.3 (a)(2)"),
    NOT_YET_VALID(AlertDescription.CERTIFICATE_EXPIRED, "RFC 8446 §6.2, RFC 5280 §6.1.3 (a)(2)"),
    UNKNOWN_ISSUER(AlertDescription.UNKNOWN_CA, "RFC 8446 §6.2, RFC 5280 §6.1"),
    NOT_A_CA(AlertDescription.BAD_CERTIFICATE, "RFC 5280 §6.1.4 (k)"),
    V1_INTERMEDIATE(AlertDescription.BAD_CERTIFICATE, "RFC 5280 §6.1.4 (k), CVE-2014-1959"),
    PATH_LENGTH_EXCEEDED(AlertDescription.BAD_CERTIFICATE, "RFC 5280 §4.2.1.9, §6.1.4 (l)"),
    CA_KEY_USAGE(AlertDescription.BAD_CERTIFICATE, "RFC 5280 §4.2.1.3, §6.1.4 (n)"),
    UNKNOWN_CRITICAL_EXTENSION(AlertDescription.BAD_CERTIFICATE, "RFC 5280 §4.2, §6.1.4 (o)"),
    NAME_CONSTRAINTS(AlertDescription.BAD_CERTIFICATE, "RFC 5280 §4.2.1.10, §6.1.3 (b)"),
    LEAF_KEY_USAGE(AlertDescription.UNSUPPORTED_CERTIFICATE, "RFC 8446 §4.4.2.2, RFC 5280 §4.2.1.3"),
    WRONG_EXTENDED_KEY_USAGE(AlertDescription.UNSUPPORTED_CERTIFICATE, "RFC 5280 §4.2.1.12, RFC 8446 §4.4.2.2"),
    NAME_MISMATCH(AlertDescription.CERTIFICATE_UNKNOWN, "RFC 6125 §6.4, RFC 8446 §6.2"),
    OTHER(AlertDescription.CERTIFICATE_UNKNOWN, "RFC 8446 §6.2");

    private final AlertDescription alert;
    private final String source;

    CertificateViolation(AlertDescription alert, String source) {
        this.alert = alert;
        this.source = source;
    }

    /** The alert our side sends for this violation. */
    public AlertDescription alert() {
        return alert;
    }

    /** Where the rule and its alert come from. */
    public String source() {
        return source;
    }

    CertificateRejection reject(String reason) {
        return new CertificateRejection(this, reason, null);
    }

    CertificateRejection reject(String reason, Throwable cause) {
        return new CertificateRejection(this, reason, cause);
    }
}
