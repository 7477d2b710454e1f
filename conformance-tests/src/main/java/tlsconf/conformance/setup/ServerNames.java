package tlsconf.conformance.setup;

import java.util.function.Function;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.impl.cert.CertificateDefect;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;

/**
 * The name a client target must check the server's chain against: localhost, except for name defects, whose
 * chains come with the name the client has to connect with (e.g. 127.0.0.1 for an IP carried as a DNS name).
 */
final class ServerNames {
    static final String DEFAULT = TestPki.DEFAULT_PEER_NAME;

    private ServerNames() {
    }

    static Function<Scenario, String> forPki(TestPki pki) {
        return scenario -> {
            for (Fault f : scenario.faults()) {
                if (f instanceof Fault.PresentCertificate p && isDefect(p.defect())) {
                    return pki.defective(CertificateDefect.valueOf(p.defect()), Role.SERVER).peerName();
                }
            }
            return DEFAULT;
        };
    }

    private static boolean isDefect(String name) {
        for (CertificateDefect d : CertificateDefect.values()) {
            if (d.name().equals(name) && d.appliesTo(Role.SERVER)) {
                return true;
            }
        }
        return false;
    }
}
