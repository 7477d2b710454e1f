package tlsconf.conformance.check.family;

import static tlsconf.model.vocabulary.HandshakeType.CERTIFICATE;
import static tlsconf.model.vocabulary.HandshakeType.CERTIFICATE_VERIFY;
import static tlsconf.model.vocabulary.HandshakeType.CLIENT_KEY_EXCHANGE;
import static tlsconf.model.vocabulary.HandshakeType.FINISHED;

import java.util.EnumSet;
import java.util.List;
import tlsconf.conformance.check.Applicability;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.scenario.Anchor;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Protection;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Family 1, TLS 1.2 (RFC 5246 §7.3, §7.4): message-order cases beyond {@link Tls12Checks}: a client certificate
 * without CertificateVerify (CVE-2015-0205), ChangeCipherSpec repeated or after Finished, application data before
 * Finished, a ServerKeyExchange under RSA key transport (FREAK); plus {@link Tls12RenegotiationChecks} and
 * {@link Tls12ModelChecks}.
 */
public final class Tls12OrderMoreChecks {
    private static final String CCS = "01";
    private static final String HELLO = "48454c4c4f";

    private Tls12OrderMoreChecks() {
    }

    public static List<Check> all() {
        List<Check> all = new java.util.ArrayList<>(List.of(skipClientCertificateVerify(), repeatedCcs(),
                ccsAfterFinished(), appDataBeforeFinished(), serverKeyExchangeUnderRsa()));
        // Families of their own, listed here so the catalogue keeps one entry for the TLS 1.2 order checks.
        all.addAll(Tls12RenegotiationChecks.all());
        all.addAll(Tls12ModelChecks.all());
        return List.copyOf(all);
    }

    private static Applicability on(Role role, Capability... more) {
        EnumSet<Capability> needs = EnumSet.of(Capability.OBSERVABLE_COMPLETION);
        needs.addAll(List.of(more));
        return new Applicability(EnumSet.of(TlsVersion.TLS_1_2), EnumSet.of(role), needs);
    }

    private static Applicability both() {
        return new Applicability(EnumSet.of(TlsVersion.TLS_1_2), EnumSet.of(Role.CLIENT, Role.SERVER),
                EnumSet.of(Capability.OBSERVABLE_COMPLETION));
    }

    /** CVE-2015-0205 (OpenSSL accepted a client certificate without proof of possession). */
    static Check skipClientCertificateVerify() {
        return Check.of("tls12.order.skip-client-certificate-verify", "order",
                Requirement.rfc5246("7.4.8", "A client that sent a certificate with signing ability MUST send "
                        + "CertificateVerify right after ClientKeyExchange; a server MUST refuse a ChangeCipherSpec "
                        + "in its place with unexpected_message (§7.2.2; cf. CVE-2015-0205)."),
                "fatal unexpected_message", on(Role.SERVER, Capability.REQUESTS_CLIENT_CERTIFICATE),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(Expectation.Reject.of("7.4.8", AlertDescription.UNEXPECTED_MESSAGE),
                                List.of("client-auth"), new Fault.Drop(CERTIFICATE_VERIFY))
                        .build());
    }

    /**
     * A second ChangeCipherSpec right after the first. It arrives in plaintext while the receiver already reads
     * under the new keys, so a target may refuse it as the wrong record type (unexpected_message) or as a record
     * that does not authenticate (bad_record_mac, §6.2.3.3); accepting it is the bug.
     */
    static Check repeatedCcs() {
        return Check.of("tls12.order.repeated-ccs", "order",
                Requirement.rfc5246("7.1", "ChangeCipherSpec is sent once per handshake, between the key exchange "
                        + "and Finished; a second one MUST be refused (unexpected_message, §7.2.2)."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(Expectation.Reject.of("7.1", AlertDescription.UNEXPECTED_MESSAGE,
                                AlertDescription.BAD_RECORD_MAC, AlertDescription.DECODE_ERROR),
                                new Fault.Inject(Anchor.before(FINISHED), ContentType.CHANGE_CIPHER_SPEC.code(),
                                        Protection.PLAINTEXT, CCS))
                        .build());
    }

    static Check ccsAfterFinished() {
        return Check.of("tls12.order.ccs-after-finished", "order",
                Requirement.rfc5246("7.1", "After the handshake no ChangeCipherSpec is expected (renegotiation "
                        + "aside); one MUST be refused (unexpected_message, §7.2.2, or bad_record_mac as an "
                        + "unprotected record under the new keys, §6.2.3.3)."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(Expectation.Reject.of("7.1", AlertDescription.UNEXPECTED_MESSAGE,
                                AlertDescription.BAD_RECORD_MAC, AlertDescription.DECODE_ERROR),
                                new Fault.Inject(Anchor.afterHandshake(), ContentType.CHANGE_CIPHER_SPEC.code(),
                                        Protection.PLAINTEXT, CCS))
                        .build());
    }

    static Check appDataBeforeFinished() {
        Expectation unexpected = Expectation.Reject.of("7.4.9", AlertDescription.UNEXPECTED_MESSAGE);
        return Check.of("tls12.order.app-data-before-finished", "order",
                Requirement.rfc5246("7.4.9", "Application data MUST NOT be sent before Finished; a receiver MUST "
                        + "refuse it, in plaintext or under the new keys, with unexpected_message (§6, §7.2.2)."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        // Under the new keys, between ChangeCipherSpec and Finished.
                        .add(unexpected, new Fault.Inject(Anchor.before(FINISHED),
                                ContentType.APPLICATION_DATA.code(), Protection.CURRENT, HELLO))
                        // In plaintext, in the middle of the key exchange.
                        .add(unexpected, new Fault.Inject(Anchor.before(role == Role.SERVER
                                ? CLIENT_KEY_EXCHANGE : CERTIFICATE), ContentType.APPLICATION_DATA.code(),
                                Protection.PLAINTEXT, HELLO))
                        .build());
    }

    /**
     * FREAK (CVE-2015-0204): the server picks RSA key transport (TLS_RSA_WITH_AES_128_GCM_SHA256) and still sends a
     * ServerKeyExchange, here with a 512-bit RSA key as export suites carried (ServerRSAParams: modulus, exponent,
     * then a signature). A client that takes it would encrypt its premaster secret to the weak key. The peer needs the
     * client to offer an RSA key-transport suite: skipped for a target that announces it offers none ({@link
     * Capability#NO_RSA_KEY_TRANSPORT}).
     */
    static Check serverKeyExchangeUnderRsa() {
        return Check.of("tls12.order.server-key-exchange-under-rsa", "order",
                Requirement.rfc5246("7.4.3", "ServerKeyExchange is not sent for RSA key exchange (§7.4.3); a "
                        + "client MUST refuse one there with unexpected_message (§7.2.2; FREAK, CVE-2015-0204)."),
                "fatal unexpected_message", on(Role.CLIENT).excludedBy(Capability.NO_RSA_KEY_TRANSPORT),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(Expectation.Reject.of("7.4.3", AlertDescription.UNEXPECTED_MESSAGE),
                                List.of(tlsconf.conformance.peer.ReferencePeer.RSA_KEY_TRANSPORT),
                                new Fault.Inject(Anchor.after(CERTIFICATE), ContentType.HANDSHAKE.code(),
                                        Protection.PLAINTEXT, exportRsaServerKeyExchange()))
                        .build());
    }

    /** A ServerKeyExchange with ServerRSAParams of a 512-bit modulus, e = 65537, and a zero rsa_pkcs1_sha256 signature. */
    static String exportRsaServerKeyExchange() {
        String modulus = "c3".repeat(64);
        String body = "0040" + modulus + "0003010001" + "0401" + "0100" + "00".repeat(256);
        return "0c" + String.format("%06x", body.length() / 2) + body;
    }
}
