package tlsconf.impl.cert;

import java.util.Objects;
import tlsconf.model.vocabulary.AlertDescription;

/**
 * A peer's certificate chain was not accepted. Carries the named {@link CertificateViolation} and therefore the
 * alert to send; {@link #getMessage()} is the human reason, naming the certificate (by subject and position) and
 * its defect, e.g. {@code certificate 0 (CN=localhost): expired at 2026-01-01T00:00:00Z}.
 */
public final class CertificateRejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final CertificateViolation violation;

    CertificateRejection(CertificateViolation violation, String reason, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason"), cause);
        this.violation = Objects.requireNonNull(violation, "violation");
    }

    /** The alert description to send (RFC 8446 §6.2), see {@link CertificateViolation} for the mapping. */
    public AlertDescription alert() {
        return violation.alert();
    }

    public CertificateViolation violation() {
        return violation;
    }
}
