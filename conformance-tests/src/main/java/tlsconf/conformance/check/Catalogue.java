package tlsconf.conformance.check;

import java.util.ArrayList;
import java.util.List;
import tlsconf.conformance.check.family.CertificateChecks;
import tlsconf.conformance.check.family.FinishedChecks;
import tlsconf.conformance.check.family.MalformedChecks;
import tlsconf.conformance.check.family.ModelChecks;
import tlsconf.conformance.check.family.OrderChecks;
import tlsconf.conformance.check.family.Tls12CertificateChecks;
import tlsconf.conformance.check.family.Tls12Checks;
import tlsconf.conformance.check.family.Tls12FinishedChecks;
import tlsconf.conformance.check.family.Tls12MalformedChecks;
import tlsconf.conformance.check.family.Tls12OrderMoreChecks;

/** Every check tlsconf knows, in report order. */
public final class Catalogue {
    private Catalogue() {
    }

    public static List<Check> all() {
        List<Check> all = new ArrayList<>();
        all.addAll(FinishedChecks.all());
        all.addAll(OrderChecks.all());
        all.addAll(ModelChecks.all());
        all.addAll(CertificateChecks.all());
        all.addAll(MalformedChecks.all());
        all.addAll(Tls12Checks.all());
        all.addAll(Tls12FinishedChecks.all());
        all.addAll(Tls12OrderMoreChecks.all());
        all.addAll(Tls12CertificateChecks.all());
        all.addAll(Tls12MalformedChecks.all());
        assertUniqueIds(all);
        return List.copyOf(all);
    }

    private static void assertUniqueIds(List<Check> checks) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Check c : checks) {
            if (!seen.add(c.id())) {
                throw new IllegalStateException("duplicate check id " + c.id());
            }
        }
    }
}
