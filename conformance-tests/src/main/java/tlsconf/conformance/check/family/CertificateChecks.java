package tlsconf.conformance.check.family;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tlsconf.conformance.check.Applicability;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.impl.cert.CertificateDefect;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;

/**
 * Family 3: bad certificates. Each defect class of the reference implementation's test PKI ({@link
 * CertificateDefect}: expired, wrong host name, v1 intermediate, ...) becomes one check: the test peer presents the
 * defective chain, to a client target as the server's chain and to a server target that requests client
 * certificates as the client's. The alert sets come with the defects (chosen there from RFC 8446 §6.2).
 */
public final class CertificateChecks {
    /** Handshake-level defects played by the peer's signing key rather than by a chain. */
    public static final String CV_UNRELATED_KEY = "CV_UNRELATED_KEY";
    public static final String CV_WRONG_KEY_TYPE = "CV_WRONG_KEY_TYPE";

    private static final Pattern CITATION = Pattern.compile("RFC (\\d+) §([0-9A-Z][0-9.]*[0-9A-Z]?)");

    private CertificateChecks() {
    }

    public static List<Check> all() {
        List<Check> out = new ArrayList<>();
        for (CertificateDefect d : CertificateDefect.values()) {
            out.add(chainCheck(d));
        }
        out.add(certificateVerifyCheck(CV_UNRELATED_KEY, "signed-with-other-key",
                "CertificateVerify signed with a key the certificate does not certify"));
        out.add(certificateVerifyCheck(CV_WRONG_KEY_TYPE, "scheme-not-usable",
                "CertificateVerify made with a key of another type than the certificate's"));
        return out;
    }

    static String idPart(CertificateDefect d) {
        return d.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Requirement requirement(CertificateDefect d) {
        Matcher m = CITATION.matcher(d.source());
        int rfc = 8446;
        String section = "4.4.2.4";
        if (m.find()) {
            rfc = Integer.parseInt(m.group(1));
            section = m.group(2);
        }
        return new Requirement(rfc, section, mustNotAccept(d) + " a chain where " + d.description()
                + " (" + d.source() + ").", kind(d));
    }

    /** Policy source of the weak-key class: RFC 8446 and RFC 5246 set no minimum key size. */
    static final String KEY_SIZE_POLICY = "CA/Browser Forum Baseline Requirements §6.1.5; NIST SP 800-131A";

    /**
     * What kind of rule a defect class breaks. Most are RFC MUSTs (RFC 8446, RFC 5280 path validation, RFC 6125
     * names); the weak key is a policy from outside the RFCs ({@value #KEY_SIZE_POLICY}); a SHA-1 signature is what
     * RFC 8446 §4.4.2.4 RECOMMENDS refusing (MD5 it requires refusing); the two wildcard rules of RFC 6125 §6.4.3
     * are SHOULD NOTs. A target accepting any of those is reported as an advisory, not a failure.
     */
    static Requirement.Kind kind(CertificateDefect d) {
        return switch (d) {
            case RSA_1024_KEY -> new Requirement.Policy(KEY_SIZE_POLICY);
            case SHA1_SIGNATURE -> new Requirement.Recommended();
            // RFC 6125 §6.4.3 rules 1 and 2 are SHOULD NOTs (a wildcard only as the whole left-most label, matching
            // that one label only).
            case WILDCARD_NOT_LEFTMOST, WILDCARD_SPANS_TWO_LABELS -> new Requirement.Recommended();
            default -> new Requirement.Must();
        };
    }

    /**
     * The requirement's verb, which must match its kind: only an RFC MUST reads as one. (The defect's own source says
     * which policy or recommendation it is, and reports show the kind beside the text.)
     */
    static String mustNotAccept(CertificateDefect d) {
        return kind(d).advisory() ? "A peer should not accept" : "A peer MUST NOT accept";
    }

    static Check chainCheck(CertificateDefect d) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        // A defect presented by a server is tested against client targets, and the other way round.
        if (d.appliesTo(Role.SERVER)) {
            roles.add(Role.CLIENT);
        }
        if (d.appliesTo(Role.CLIENT)) {
            roles.add(Role.SERVER);
        }
        String expected = "fatal " + (d.appliesTo(Role.SERVER) ? d.primaryAlert(Role.SERVER).rfcName()
                : d.primaryAlert(Role.CLIENT).rfcName());
        return Check.of("tls13.certificate." + idPart(d), "certificate", requirement(d), expected,
                new Applicability(EnumSet.of(tlsconf.model.vocabulary.TlsVersion.TLS_1_3), roles,
                        EnumSet.of(Capability.OBSERVABLE_COMPLETION))
                        .withRoleNeed(Role.SERVER, Capability.REQUESTS_CLIENT_CERTIFICATE)
                        .withRoleNeed(Role.CLIENT, Capability.VERIFIES_SERVER_CERTIFICATE),
                (id, v, targetRole, profile, random) -> {
                    Role presentedBy = targetRole.peer();
                    List<AlertDescription> alerts = new ArrayList<>(d.expectedAlerts(presentedBy));
                    alerts.remove(d.primaryAlert(presentedBy));
                    alerts.add(0, d.primaryAlert(presentedBy));
                    alerts.subList(1, alerts.size()).sort(null);
                    Expectation.Reject reject = new Expectation.Reject(alerts, "4.4.2.4");
                    Scenarios s = new Scenarios(id, v, targetRole);
                    Fault present = new Fault.PresentCertificate(d.name());
                    if (targetRole == Role.SERVER) {
                        // RFC 8446 §4.4.2.4: a server may instead continue with the client unauthenticated.
                        s.add(new Expectation.RejectOrContinue(reject), List.of("client-auth"), present);
                    } else {
                        s.add(reject, present);
                    }
                    return s.build();
                });
    }

    static Check certificateVerifyCheck(String defect, String idPart, String what) {
        return Check.of("tls13.certificate-verify." + idPart, "certificate",
                Requirement.rfc8446("4.4.3", "The recipient MUST verify the CertificateVerify signature with the "
                        + "certificate's key and abort with decrypt_error if it fails; here: " + what + "."),
                "fatal decrypt_error",
                new Applicability(EnumSet.of(tlsconf.model.vocabulary.TlsVersion.TLS_1_3),
                        EnumSet.of(Role.CLIENT, Role.SERVER), EnumSet.of(Capability.OBSERVABLE_COMPLETION))
                        .withRoleNeed(Role.SERVER, Capability.REQUESTS_CLIENT_CERTIFICATE)
                        .withRoleNeed(Role.CLIENT, Capability.VERIFIES_SERVER_CERTIFICATE),
                (id, v, targetRole, profile, random) -> {
                    Expectation.Reject reject = Expectation.Reject.of("4.4.3", AlertDescription.DECRYPT_ERROR,
                            AlertDescription.ILLEGAL_PARAMETER, AlertDescription.BAD_CERTIFICATE);
                    Scenarios s = new Scenarios(id, v, targetRole);
                    if (targetRole == Role.SERVER) {
                        s.add(reject, List.of("client-auth"), new Fault.PresentCertificate(defect));
                    } else {
                        s.add(reject, new Fault.PresentCertificate(defect));
                    }
                    return s.build();
                });
    }
}
