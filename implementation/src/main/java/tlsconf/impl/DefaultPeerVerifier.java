package tlsconf.impl;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.cert.CertificateRejection;
import tlsconf.impl.cert.CertificateValidator;
import tlsconf.model.vocabulary.Role;

/** The default {@link PeerVerifier}: PKIX validation by {@link CertificateValidator}, rejections as alerts. */
final class DefaultPeerVerifier {
    private DefaultPeerVerifier() {
    }

    static PeerVerifier create(List<X509Certificate> trustAnchors, Clock clock) {
        CertificateValidator validator = new CertificateValidator(trustAnchors, clock);
        return (peerRole, der, expectedName) -> {
            try {
                List<X509Certificate> chain = validator.parseChain(der);
                if (peerRole == Role.SERVER) {
                    validator.validateServerChain(chain, expectedName);
                } else {
                    validator.validateClientChain(chain);
                }
                return chain;
            } catch (CertificateRejection e) {
                throw Violation.CERTIFICATE_REJECTED.alert(e.alert(), e.getMessage());
            } catch (RuntimeException e) {
                throw Violation.CERTIFICATE_REJECTED.alert(tlsconf.model.vocabulary.AlertDescription.BAD_CERTIFICATE,
                        "certificate chain could not be processed: " + e);
            }
        };
    }
}
