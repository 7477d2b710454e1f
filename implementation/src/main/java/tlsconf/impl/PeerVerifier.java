package tlsconf.impl;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;

/**
 * Checks the peer's certificate chain (RFC 8446 §4.4.2.4) and returns it parsed; a rejection is our alert exception
 * with the description the failure calls for. The default is built from the trust anchors and clock of the
 * {@link TlsConfig} on {@code tlsconf.impl.cert.CertificateValidator}.
 */
@FunctionalInterface
public interface PeerVerifier {
    /**
     * @param peerRole     SERVER when we are the client checking the server's chain
     * @param expectedName host name or IP literal the server must match, null to skip (client chains: null)
     */
    List<X509Certificate> verify(Role peerRole, List<byte[]> derChain, String expectedName) throws TlsAlertException;

    /** Parses the chain and accepts it unchecked: for test peers only, never for a conformance verdict. */
    static PeerVerifier acceptAny() {
        return (role, der, name) -> parse(der);
    }

    static List<X509Certificate> parse(List<byte[]> der) throws TlsAlertException {
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (byte[] d : der) {
                out.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(d)));
            }
            return out;
        } catch (CertificateException | RuntimeException e) {
            throw Violation.CERTIFICATE_REJECTED.alert(AlertDescription.BAD_CERTIFICATE,
                    "certificate does not parse: " + e.getMessage());
        }
    }
}
