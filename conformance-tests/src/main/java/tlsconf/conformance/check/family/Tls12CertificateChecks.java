package tlsconf.conformance.check.family;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import tlsconf.conformance.check.Applicability;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.impl.cert.CertificateDefect;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Family 3, TLS 1.2: the defect classes of the test PKI presented by a TLS 1.2 server to a client target (RFC 5246
 * §7.4.2) and as client certificates to a server target that requests them (§7.4.6). The alerts are RFC 5246
 * §7.2.2's: bad_certificate, unsupported_certificate, certificate_expired, unknown_ca, certificate_unknown (and
 * decode_error for what cannot be parsed). certificate_required does not exist in TLS 1.2: a client that sends an
 * empty list is refused with handshake_failure, or the server goes on unauthenticated (§7.4.6).
 *
 * <p>Left out: chains that do not parse (truncated DER, trailing bytes), which the peer writes as a TLS 1.3
 * Certificate message whose framing a TLS 1.2 target would reject for the framing alone; and the policy defects
 * (RSA-1024 key, SHA-1 and MD5 signatures), which RFC 5246 does not forbid (§7.4.1.4.1 still lists md5 and sha1),
 * so a TLS 1.2 target that accepts them breaks no requirement of its RFC.
 */
public final class Tls12CertificateChecks {
    private static final EnumSet<CertificateDefect> NOT_PLAYED = EnumSet.of(CertificateDefect.TRUNCATED_DER,
            CertificateDefect.TRAILING_GARBAGE, CertificateDefect.RSA_1024_KEY, CertificateDefect.SHA1_SIGNATURE,
            CertificateDefect.MD5_SIGNATURE);

    private Tls12CertificateChecks() {
    }

    public static List<Check> all() {
        List<Check> out = new ArrayList<>();
        for (CertificateDefect d : CertificateDefect.values()) {
            if (!NOT_PLAYED.contains(d)) {
                out.add(chainCheck(d));
            }
        }
        out.add(signedWithOtherKey());
        return out;
    }

    private static Applicability applicability(EnumSet<Role> roles) {
        return new Applicability(EnumSet.of(TlsVersion.TLS_1_2), roles, EnumSet.of(Capability.OBSERVABLE_COMPLETION))
                .withRoleNeed(Role.SERVER, Capability.REQUESTS_CLIENT_CERTIFICATE)
                .withRoleNeed(Role.CLIENT, Capability.VERIFIES_SERVER_CERTIFICATE);
    }

    /** The defect's alerts in TLS 1.2 terms, the preferred one first. */
    static List<AlertDescription> alerts(CertificateDefect d, Role presentedBy) {
        List<AlertDescription> alerts = new ArrayList<>(d.expectedAlerts(presentedBy));
        AlertDescription primary = d.primaryAlert(presentedBy);
        if (alerts.remove(AlertDescription.CERTIFICATE_REQUIRED)) {
            // TLS 1.3 only (RFC 8446 §6.2); RFC 5246 §7.4.6 names handshake_failure for a missing client chain.
            alerts.add(AlertDescription.HANDSHAKE_FAILURE);
            if (primary == AlertDescription.CERTIFICATE_REQUIRED) {
                primary = AlertDescription.HANDSHAKE_FAILURE;
            }
        }
        if (d == CertificateDefect.EMPTY_CERTIFICATE_LIST && presentedBy == Role.SERVER) {
            // The empty vector decodes (certificate_list<0..2^24-1>, §7.4.2), but the suite needs the server's
            // certificate: RFC 5246 names no single alert, so the certificate and handshake alerts count too.
            alerts.add(AlertDescription.BAD_CERTIFICATE);
            alerts.add(AlertDescription.HANDSHAKE_FAILURE);
        }
        alerts = new ArrayList<>(new java.util.LinkedHashSet<>(alerts));
        alerts.remove(primary);
        alerts.sort(null);
        alerts.add(0, primary);
        return alerts;
    }

    static Check chainCheck(CertificateDefect d) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (d.appliesTo(Role.SERVER)) {
            roles.add(Role.CLIENT);
        }
        if (d.appliesTo(Role.CLIENT)) {
            roles.add(Role.SERVER);
        }
        Role shown = d.appliesTo(Role.SERVER) ? Role.SERVER : Role.CLIENT;
        Requirement req = new Requirement(5246, "7.4.2", CertificateChecks.mustNotAccept(d)
                + " a certificate chain (server: §7.4.2, client: §7.4.6) where " + d.description()
                + "; it aborts with the matching alert of §7.2.2 (" + d.source() + ").", CertificateChecks.kind(d));
        return Check.of("tls12.certificate." + CertificateChecks.idPart(d), "certificate", req,
                "fatal " + alerts(d, shown).get(0).rfcName(), applicability(roles),
                (id, v, targetRole, profile, random) -> {
                    Expectation.Reject reject = new Expectation.Reject(alerts(d, targetRole.peer()), "7.2.2");
                    Scenarios s = new Scenarios(id, v, targetRole);
                    Fault present = new Fault.PresentCertificate(d.name());
                    if (targetRole == Role.SERVER) {
                        // RFC 5246 §7.4.6: a server may go on with a client that did not authenticate.
                        s.add(new Expectation.RejectOrContinue(reject), List.of("client-auth"), present);
                    } else {
                        s.add(reject, present);
                    }
                    return s.build();
                });
    }

    /**
     * The server signs ServerKeyExchange (§7.4.3), the client its CertificateVerify (§7.4.8), with a key the
     * certificate does not certify: the signature MUST fail verification (decrypt_error, §7.2.2).
     */
    static Check signedWithOtherKey() {
        return Check.of("tls12.certificate-verify.signed-with-other-key", "certificate",
                Requirement.rfc5246("7.4.3", "The ServerKeyExchange signature (§7.4.3) and the client's "
                        + "CertificateVerify (§7.4.8) MUST verify with the certificate's public key; a signature by "
                        + "another key is decrypt_error (§7.2.2)."),
                "fatal decrypt_error", applicability(EnumSet.of(Role.CLIENT, Role.SERVER)),
                (id, v, targetRole, profile, random) -> {
                    Expectation.Reject reject = Expectation.Reject.of("7.2.2", AlertDescription.DECRYPT_ERROR);
                    Scenarios s = new Scenarios(id, v, targetRole);
                    Fault present = new Fault.PresentCertificate(CertificateChecks.CV_UNRELATED_KEY);
                    if (targetRole == Role.SERVER) {
                        s.add(reject, List.of("client-auth"), present);
                    } else {
                        s.add(reject, present);
                    }
                    return s.build();
                });
    }
}
