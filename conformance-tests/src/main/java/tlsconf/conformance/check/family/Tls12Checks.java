package tlsconf.conformance.check.family;

import java.util.EnumSet;
import java.util.List;
import tlsconf.conformance.check.Applicability;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Requirement;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * TLS 1.2 checks, catalogued so that {@code --tls 1.2} reports them: they are skipped as "not built yet" until the
 * TLS 1.2 reference implementation (issue 4) gives the test peer a TLS 1.2 handshake to deviate from.
 */
public final class Tls12Checks {
    private static final String WHY = "needs the TLS 1.2 reference implementation (issue 4)";

    private Tls12Checks() {
    }

    public static List<Check> all() {
        Applicability both = new Applicability(EnumSet.of(TlsVersion.TLS_1_2), EnumSet.of(Role.CLIENT, Role.SERVER),
                EnumSet.noneOf(tlsconf.conformance.check.Capability.class));
        Applicability client = new Applicability(EnumSet.of(TlsVersion.TLS_1_2), EnumSet.of(Role.CLIENT),
                EnumSet.noneOf(tlsconf.conformance.check.Capability.class));
        return List.of(
                Check.pending("tls12.finished.corrupted", "finished",
                        Requirement.rfc5246("7.4.9", "The recipient MUST verify that verify_data is correct; a wrong "
                                + "value is decrypt_error."), "fatal decrypt_error", both, WHY),
                Check.pending("tls12.order.early-ccs", "order",
                        Requirement.rfc5246("7.1", "A ChangeCipherSpec before the key exchange MUST be refused "
                                + "(CVE-2014-0224)."), "fatal unexpected_message", both, WHY),
                Check.pending("tls12.order.skip-server-key-exchange", "order",
                        Requirement.rfc5246("7.4.3", "An ECDHE handshake without ServerKeyExchange MUST be refused "
                                + "(CVE-2014-3572)."), "fatal unexpected_message", client, WHY),
                Check.pending("tls12.order.finished-without-ccs", "order",
                        Requirement.rfc5246("7.4.9", "A Finished not preceded by ChangeCipherSpec MUST be refused "
                                + "(CVE-2014-6593)."), "fatal unexpected_message", both, WHY));
    }
}
