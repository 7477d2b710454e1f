package tlsconf.vectorrun;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.cert.CertificateRejection;
import tlsconf.impl.cert.CertificateValidator;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.kind.CertificateCases;
import tlsconf.vectors.kind.CertificateCases.CertificateCase;
import tlsconf.vectors.kind.CertificateCases.Expected;

/**
 * Certificate corner cases through the reference implementation's {@link CertificateValidator}, as a client
 * validates a server chain: accepted chains must pass, rejected ones must fail with one of the acceptable alerts.
 */
final class CertificateReplay {
    private CertificateReplay() {
    }

    static List<Outcome> run(VectorFile file) {
        List<Outcome> out = new ArrayList<>();
        for (CertificateCase c : ((CertificateCases) file.body()).cases()) {
            out.add(one(file, c));
        }
        return out;
    }

    private static Outcome one(VectorFile file, CertificateCase c) {
        String id = file.id() + "#" + c.id();
        Clock at = Clock.fixed(c.validationTime(), ZoneOffset.UTC);
        try {
            CertificateValidator anchorsOnly = new CertificateValidator(List.of(), at);
            CertificateValidator validator = new CertificateValidator(
                    anchorsOnly.parseChain(der(c.trustAnchors())), at);
            validator.validateServerChain(validator.parseChain(der(c.chain())), c.peerName());
            return c.expected() == Expected.ACCEPT ? Outcome.passed(id, file.location(), "accepted")
                    : Outcome.failed(id, file.location(), "accepted, expected a rejection with one of "
                            + c.acceptableAlerts());
        } catch (CertificateRejection e) {
            String alert = e.alert().rfcName();
            if (c.expected() == Expected.ACCEPT) {
                return Outcome.failed(id, file.location(), "rejected with " + alert + ": " + e.getMessage());
            }
            return c.acceptableAlerts().contains(alert)
                    ? Outcome.passed(id, file.location(), "rejected with " + alert + " (" + e.getMessage() + ")")
                    : Outcome.failed(id, file.location(), "rejected with " + alert + ", acceptable are "
                            + c.acceptableAlerts() + " (" + e.getMessage() + ")");
        }
    }

    private static List<byte[]> der(List<Bytes> certs) {
        List<byte[]> out = new ArrayList<>();
        for (Bytes b : certs) {
            out.add(b.toByteArray());
        }
        return out;
    }
}
