package tlsconf.impl.cert;

import java.util.List;
import java.util.Set;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;

/**
 * The catalogue of bad certificate chains the conformance engine presents to a target (issue 6, "Bad
 * certificates"), each with where the rule comes from and the alerts a conforming peer may answer with.
 *
 * <p>How the alert sets were chosen (from the RFC text, not from any implementation's behaviour): the first alert of
 * each list is the one RFC 8446 §6.2's definitions point to most directly; further entries are alerts whose §6.2
 * definition also fits the defect. Where the RFC prescribes one alert (empty list: §4.4.2.4; MD5 and SHA-1
 * signatures: §4.4.2.4) the set has just that one. {@code certificate_unknown} ("some other issue ... rendering it
 * unacceptable") is admitted wherever RFC 8446 names no specific alert for the rule (RFC 5280 path rules, RFC 6125
 * names). A chain presented by a client may also be ignored: RFC 8446 §4.4.2.4 lets a server "continue the handshake
 * (considering the client unauthenticated)" instead of aborting ({@link DefectiveChain#serverMayContinue()}).
 *
 * <p>One entry is a policy check, not an RFC rule: {@link #RSA_1024_KEY}. Neither RFC 8446 nor RFC 5246 sets a
 * minimum key size; the 2048-bit floor for RSA comes from the CA/Browser Forum Baseline Requirements and NIST SP
 * 800-131A. Its source says so, and a peer that accepts such a key breaks that policy, not the RFC.
 *
 * <p>Name defects apply only to server chains: servers do not check the client's name. Two further handshake-level
 * defects of issue 6 are not certificate chains: "CertificateVerify signed with a different key" uses the key of
 * {@link TestPki#unrelatedKeyPair(KeyType)} and "a scheme the certificate cannot use" a chain of one key type signed
 * with a key of another; both expect {@code decrypt_error} or {@code illegal_parameter} per RFC 8446 §4.4.3 and are
 * played by the handshake layer.
 */
public enum CertificateDefect {
    EXPIRED("the leaf certificate expired a day ago",
            "RFC 8446 §6.2 (certificate_expired), RFC 5280 §6.1.3 (a)(2)",
            List.of(AlertDescription.CERTIFICATE_EXPIRED), List.of(AlertDescription.CERTIFICATE_EXPIRED)),
    NOT_YET_VALID("the leaf certificate becomes valid tomorrow",
            "RFC 8446 §6.2 (certificate_expired: 'not currently valid'), RFC 5280 §6.1.3 (a)(2)",
            List.of(AlertDescription.CERTIFICATE_EXPIRED), List.of(AlertDescription.CERTIFICATE_EXPIRED)),
    WRONG_HOST_NAME("the leaf names only wrong.tlsconf.test (its CN is localhost, which must not be used: SAN present)",
            "RFC 6125 §6.4, §6.4.4; RFC 8446 §6.2",
            List.of(AlertDescription.CERTIFICATE_UNKNOWN, AlertDescription.BAD_CERTIFICATE), List.of()),
    IP_IN_DNS_NAME_SAN("the client connects to 127.0.0.1; the leaf carries 127.0.0.1 as a dNSName, not an iPAddress",
            "RFC 5280 §4.2.1.6, RFC 6125 §1.7.2, §6.4",
            List.of(AlertDescription.CERTIFICATE_UNKNOWN, AlertDescription.BAD_CERTIFICATE), List.of()),
    WILDCARD_NOT_LEFTMOST("the leaf names www.*.test; the client connects to www.tlsconf.test",
            "RFC 6125 §6.4.3",
            List.of(AlertDescription.CERTIFICATE_UNKNOWN, AlertDescription.BAD_CERTIFICATE), List.of()),
    WILDCARD_SPANS_TWO_LABELS("the leaf names *.tlsconf.test; the client connects to a.b.tlsconf.test",
            "RFC 6125 §6.4.3",
            List.of(AlertDescription.CERTIFICATE_UNKNOWN, AlertDescription.BAD_CERTIFICATE), List.of()),
    UNKNOWN_CA("the chain leads to a root CA the peer does not trust",
            "RFC 8446 §6.2 (unknown_ca), RFC 5280 §6.1",
            List.of(AlertDescription.UNKNOWN_CA), List.of(AlertDescription.UNKNOWN_CA)),
    SELF_SIGNED_LEAF("the leaf is self-signed and not a trust anchor",
            "RFC 8446 §6.2 (unknown_ca), RFC 5280 §6.1",
            List.of(AlertDescription.UNKNOWN_CA, AlertDescription.BAD_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN),
            List.of(AlertDescription.UNKNOWN_CA, AlertDescription.BAD_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN)),
    BAD_SIGNATURE("one bit of the leaf's signature is flipped",
            "RFC 8446 §6.2 (bad_certificate: 'signatures that did not verify'; decrypt_error: 'unable to"
                    + " correctly verify a signature'), RFC 5280 §6.1.3 (a)(1)",
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.DECRYPT_ERROR), List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.DECRYPT_ERROR)),
    INTERMEDIATE_NOT_CA("the intermediate has basicConstraints cA FALSE",
            "RFC 5280 §4.2.1.9, §6.1.4 (k)",
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_UNKNOWN),
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_UNKNOWN)),
    PATH_LENGTH_EXCEEDED("a second intermediate below an intermediate with pathLenConstraint 0",
            "RFC 5280 §4.2.1.9, §6.1.4 (l)",
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_UNKNOWN),
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_UNKNOWN)),
    MISSING_KEY_CERT_SIGN("the intermediate's key usage lacks keyCertSign",
            "RFC 5280 §4.2.1.3, §6.1.4 (n)",
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_UNKNOWN),
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_UNKNOWN)),
    V1_INTERMEDIATE("the intermediate is an X.509 version 1 certificate (no extensions, so no cA flag)",
            "CVE-2014-1959 (GnuTLS accepted v1 intermediates as CAs), RFC 5280 §6.1.4 (k)",
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_UNKNOWN),
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_UNKNOWN)),
    NAME_CONSTRAINTS_VIOLATION("the intermediate permits only permitted.tlsconf.test; the leaf names lie outside",
            "RFC 5280 §4.2.1.10, §6.1.3 (b)",
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_UNKNOWN),
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNKNOWN_CA, AlertDescription.CERTIFICATE_UNKNOWN)),
    UNKNOWN_CRITICAL_EXTENSION("the leaf carries a critical extension with an unassigned OID",
            "RFC 5280 §4.2 ('MUST reject the certificate'), §6.1.4 (o)",
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN),
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN)),
    WRONG_EXTENDED_KEY_USAGE("a server leaf with only clientAuth, a client leaf with only serverAuth",
            "RFC 5280 §4.2.1.12, RFC 8446 §4.4.2.2 (default unsupported_certificate)",
            List.of(AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN),
            List.of(AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN)),
    LEAF_MISSING_DIGITAL_SIGNATURE("the leaf's key usage is keyAgreement only, without digitalSignature",
            "RFC 8446 §4.4.2.2 ('the digitalSignature bit MUST be set'), RFC 5280 §4.2.1.3",
            List.of(AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN),
            List.of(AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN)),
    RSA_1024_KEY("the leaf has a 1024-bit RSA key (a key-size policy check, not an RFC requirement)",
            "policy, not an RFC rule: RFC 8446 and RFC 5246 set no minimum key size; the CA/Browser Forum Baseline"
                    + " Requirements §6.1.5 and NIST SP 800-131A require RSA keys of at least 2048 bits. Alert if"
                    + " refused: RFC 8446 §6.2 (unsupported_certificate: 'a certificate was of an unsupported type')",
            List.of(AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN),
            List.of(AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN)),
    SHA1_SIGNATURE("the leaf is signed with ecdsa-with-SHA1",
            "RFC 8446 §4.4.2.4 (RECOMMENDED: abort with bad_certificate)",
            List.of(AlertDescription.BAD_CERTIFICATE), List.of(AlertDescription.BAD_CERTIFICATE)),
    MD5_SIGNATURE("the leaf is signed with md5WithRSAEncryption (RSA hierarchy)",
            "RFC 8446 §4.4.2.4 (MUST abort with bad_certificate)",
            List.of(AlertDescription.BAD_CERTIFICATE), List.of(AlertDescription.BAD_CERTIFICATE)),
    EMPTY_CERTIFICATE_LIST("the Certificate message has an empty certificate_list",
            "RFC 8446 §4.4.2.4 (server: decode_error MUST; client: certificate_required), CVE-2021-3336",
            List.of(AlertDescription.DECODE_ERROR), List.of(AlertDescription.CERTIFICATE_REQUIRED)),
    TRUNCATED_DER("the leaf's DER encoding lacks its last 10 bytes",
            "RFC 8446 §6.2 (bad_certificate: 'corrupt'; decode_error), RFC 5280 §4.1",
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.DECODE_ERROR), List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.DECODE_ERROR)),
    TRAILING_GARBAGE("the leaf's cert_data holds two bytes (a DER NULL) after the certificate",
            "RFC 8446 §4.4.2 (cert_data is one DER certificate), §6.2 (bad_certificate, decode_error)",
            List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.DECODE_ERROR), List.of(AlertDescription.BAD_CERTIFICATE, AlertDescription.DECODE_ERROR));

    private final String description;
    private final String source;
    private final List<AlertDescription> fromServer;
    private final List<AlertDescription> fromClient;

    CertificateDefect(String description, String source, List<AlertDescription> presentedByServer,
            List<AlertDescription> presentedByClient) {
        this.description = description;
        this.source = source;
        this.fromServer = presentedByServer;
        this.fromClient = presentedByClient;
    }

    public String description() {
        return description;
    }

    /** The RFC sections and CVEs the defect and its alerts come from (for a policy check: the policy, said so). */
    public String source() {
        return source;
    }

    /** Whether a chain of this defect can be presented by {@code role} (name defects: servers only). */
    public boolean appliesTo(Role presentedBy) {
        return !alerts(presentedBy).isEmpty();
    }

    /** The alerts a conforming peer may send when {@code presentedBy} presents this defect (the exact level). */
    public Set<AlertDescription> expectedAlerts(Role presentedBy) {
        return Set.copyOf(alerts(presentedBy));
    }

    /** The alert RFC 8446 §6.2 points to most directly. */
    public AlertDescription primaryAlert(Role presentedBy) {
        List<AlertDescription> a = alerts(presentedBy);
        if (a.isEmpty()) {
            throw new IllegalArgumentException(this + " does not apply to chains presented by a " + presentedBy.cliName());
        }
        return a.get(0);
    }

    private List<AlertDescription> alerts(Role presentedBy) {
        return presentedBy == Role.SERVER ? fromServer : fromClient;
    }
}
