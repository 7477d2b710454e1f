package tlsconf.impl.cert;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Translates the JDK PKIX validator's structured failure reasons into named violations (and so into RFC 8446 §6.2
 * alerts, see {@link CertificateViolation}).
 */
final class PkixFailures {
    private PkixFailures() {
    }

    static CertificateRejection map(CertPathValidatorException e, List<X509Certificate> path,
            List<X509Certificate> chain, Instant now) {
        int index = e.getIndex();
        X509Certificate cert = index >= 0 && index < path.size() ? path.get(index) : null;
        String who = cert == null ? "the chain" : CertificateValidator.name(cert, chain.indexOf(cert));
        String detail = e.getMessage();
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason instanceof BasicReason basic) {
            return switch (basic) {
                case EXPIRED -> CertificateViolation.EXPIRED.reject(who + " expired at "
                        + (cert == null ? "?" : cert.getNotAfter().toInstant()) + " (validation time " + now + ")", e);
                case NOT_YET_VALID -> CertificateViolation.NOT_YET_VALID.reject(who + " is not valid before "
                        + (cert == null ? "?" : cert.getNotBefore().toInstant()) + " (validation time " + now + ")", e);
                case INVALID_SIGNATURE -> CertificateViolation.BAD_SIGNATURE.reject(
                        who + " has a signature that does not verify with its issuer's key", e);
                case ALGORITHM_CONSTRAINED -> CertificateViolation.UNSUPPORTED_SIGNATURE_ALGORITHM.reject(
                        who + " uses an algorithm or key the JDK's certificate path policy forbids: " + detail, e);
                case REVOKED, UNDETERMINED_REVOCATION_STATUS, UNSPECIFIED -> CertificateViolation.OTHER.reject(
                        who + " failed PKIX validation: " + detail, e);
            };
        }
        if (reason instanceof PKIXReason pkix) {
            return switch (pkix) {
                case NO_TRUST_ANCHOR, NAME_CHAINING -> CertificateViolation.UNKNOWN_ISSUER.reject(
                        "no configured trust anchor issued the chain ending at "
                                + CertificateValidator.name(path.get(path.size() - 1),
                                        chain.indexOf(path.get(path.size() - 1)))
                                + " (issuer " + path.get(path.size() - 1).getIssuerX500Principal().getName() + ")",
                        e);
                case NOT_CA_CERT -> CertificateViolation.NOT_A_CA.reject(
                        who + " issues certificates but is not a CA (basicConstraints cA is not TRUE)", e);
                case PATH_TOO_LONG -> CertificateViolation.PATH_LENGTH_EXCEEDED.reject(
                        who + " exceeds the pathLenConstraint of an issuing CA", e);
                case INVALID_KEY_USAGE -> CertificateViolation.CA_KEY_USAGE.reject(
                        who + " has a key usage extension that does not allow keyCertSign", e);
                case UNRECOGNIZED_CRIT_EXT -> CertificateViolation.UNKNOWN_CRITICAL_EXTENSION.reject(
                        who + " has a critical extension tlsconf does not recognise: " + detail, e);
                case INVALID_NAME -> CertificateViolation.NAME_CONSTRAINTS.reject(
                        who + " has a name outside an issuing CA's name constraints: " + detail, e);
                case INVALID_POLICY -> CertificateViolation.OTHER.reject(
                        who + " fails certificate policy processing: " + detail, e);
            };
        }
        return CertificateViolation.OTHER.reject(who + " failed PKIX validation: " + detail, e);
    }
}
