package tlsconf.conformance.check.family;

import static tlsconf.model.vocabulary.HandshakeType.CERTIFICATE;
import static tlsconf.model.vocabulary.HandshakeType.CERTIFICATE_VERIFY;
import static tlsconf.model.vocabulary.HandshakeType.CLIENT_HELLO;
import static tlsconf.model.vocabulary.HandshakeType.ENCRYPTED_EXTENSIONS;
import static tlsconf.model.vocabulary.HandshakeType.FINISHED;
import static tlsconf.model.vocabulary.HandshakeType.HELLO_RETRY_REQUEST;
import static tlsconf.model.vocabulary.HandshakeType.SERVER_HELLO;

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
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;

/**
 * Family 1, TLS 1.3: valid paths are accepted, messages out of order are refused (RFC 8446 §4 and App. A:
 * a message not expected in the current state is {@code unexpected_message}), and the named historic cases.
 */
public final class OrderChecks {
    private static final Expectation UNEXPECTED = Expectation.Reject.of("6.2", AlertDescription.UNEXPECTED_MESSAGE);
    private static final String CCS = "01";

    private OrderChecks() {
    }

    public static List<Check> all() {
        return List.of(valid(), middleboxCcs(), earlyCcs(), ccsBadValue(), encryptedCcs(), ccsAfterFinished(),
                appDataBeforeFinished(), plaintextFinished(), skipServerMessages(), skipClientFinished(),
                skipClientCertificateVerify(), finishedInWaitCertCr(), repeatServerMessages(), reorderServerMessages(),
                secondClientHello(), clientHelloAfterHandshake(), secondHelloRetryRequest());
    }

    private static Applicability both() {
        return Applicability.tls13(EnumSet.of(Role.CLIENT, Role.SERVER), Capability.OBSERVABLE_COMPLETION);
    }

    private static Applicability only(Role role, Capability... more) {
        Capability[] needs = java.util.Arrays.copyOf(more, more.length + 1);
        needs[more.length] = Capability.OBSERVABLE_COMPLETION;
        return Applicability.tls13(EnumSet.of(role), needs);
    }

    static Check valid() {
        return Check.of("tls13.order.valid", "order",
                Requirement.rfc8446("2", "A full handshake (Figure 1) between conforming peers MUST complete."),
                "handshake completes", both(),
                (id, v, role, profile, random) -> {
                    return new Scenarios(id, v, role).add(new Expectation.Accept("2")).build();
                });
    }

    static Check middleboxCcs() {
        return Check.of("tls13.order.middlebox-ccs", "order",
                Requirement.rfc8446("5", "A plaintext change_cipher_spec of the single byte 0x01 received between "
                        + "the first ClientHello and the peer's Finished MUST be dropped."),
                "handshake completes (CCS ignored)", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        // Where middlebox-compatible peers send it: right after ClientHello / ServerHello.
                        .add(new Expectation.Accept("D.4"), new Fault.Inject(role == Role.SERVER
                                ? Anchor.after(CLIENT_HELLO) : Anchor.before(ENCRYPTED_EXTENSIONS),
                                ContentType.CHANGE_CIPHER_SPEC.code(), Protection.PLAINTEXT, CCS))
                        .add(new Expectation.Accept("D.4"), new Fault.Inject(Anchor.before(FINISHED),
                                ContentType.CHANGE_CIPHER_SPEC.code(), Protection.PLAINTEXT, CCS))
                        .build());
    }

    /** The TLS 1.3 form of CVE-2014-0224: a CCS before the ClientHello is outside the window of §5. */
    static Check earlyCcs() {
        return Check.of("tls13.order.early-ccs", "order",
                Requirement.rfc8446("5", "A change_cipher_spec received before the first ClientHello is not "
                        + "covered by the compatibility rule and MUST be answered with unexpected_message "
                        + "(cf. CVE-2014-0224)."),
                "fatal unexpected_message", only(Role.SERVER),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, new Fault.Inject(Anchor.before(CLIENT_HELLO),
                                ContentType.CHANGE_CIPHER_SPEC.code(), Protection.PLAINTEXT, CCS))
                        .build());
    }

    static Check ccsBadValue() {
        return Check.of("tls13.order.ccs-bad-value", "order",
                Requirement.rfc8446("5", "A change_cipher_spec whose value is not 0x01 MUST be answered with "
                        + "unexpected_message."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, v, role)
                            .add(UNEXPECTED, new Fault.Inject(Anchor.before(FINISHED),
                                    ContentType.CHANGE_CIPHER_SPEC.code(), Protection.PLAINTEXT, "02"))
                            .add(UNEXPECTED, new Fault.Inject(Anchor.before(FINISHED),
                                    ContentType.CHANGE_CIPHER_SPEC.code(), Protection.PLAINTEXT, "0101"));
                    if (profile == tlsconf.conformance.check.Profile.QUICK) {
                        return s.build();
                    }
                    // Every other value of the byte (a parser may compare it as a signed byte, or test one bit),
                    // then other lengths: empty, a trailing zero, three bytes.
                    for (int value = 0; value < 256; value++) {
                        if (value != 1 && value != 2) {
                            s.add(UNEXPECTED, new Fault.Inject(Anchor.before(FINISHED),
                                    ContentType.CHANGE_CIPHER_SPEC.code(), Protection.PLAINTEXT,
                                    String.format("%02x", value)));
                        }
                    }
                    for (String hex : List.of("", "0100", "010101")) {
                        s.add(UNEXPECTED, new Fault.Inject(Anchor.before(FINISHED),
                                ContentType.CHANGE_CIPHER_SPEC.code(), Protection.PLAINTEXT, hex));
                    }
                    return s.build();
                });
    }

    static Check encryptedCcs() {
        return Check.of("tls13.order.encrypted-ccs", "order",
                Requirement.rfc8446("5", "A protected record of type change_cipher_spec MUST be answered with "
                        + "unexpected_message."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, new Fault.Inject(Anchor.before(FINISHED),
                                ContentType.CHANGE_CIPHER_SPEC.code(), Protection.HANDSHAKE, CCS))
                        .build());
    }

    static Check ccsAfterFinished() {
        return Check.of("tls13.order.ccs-after-finished", "order",
                Requirement.rfc8446("5", "A change_cipher_spec received after the peer's Finished is outside the "
                        + "compatibility window and MUST be answered with unexpected_message."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, new Fault.Inject(Anchor.afterHandshake(),
                                ContentType.CHANGE_CIPHER_SPEC.code(), Protection.PLAINTEXT, CCS))
                        .build());
    }

    static Check appDataBeforeFinished() {
        return Check.of("tls13.order.app-data-before-finished", "order",
                Requirement.rfc8446("5.1", "Application data MUST NOT be sent before Finished; application data "
                        + "under handshake keys is unexpected_message."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, new Fault.Inject(Anchor.before(FINISHED),
                                ContentType.APPLICATION_DATA.code(), Protection.HANDSHAKE, "48454c4c4f"))
                        .build());
    }

    static Check plaintextFinished() {
        return Check.of("tls13.order.plaintext-finished", "order",
                Requirement.rfc8446("5", "After the key change, handshake messages MUST be protected; a plaintext "
                        + "Finished MUST be refused."),
                "fatal unexpected_message", both(),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(Expectation.Reject.of("5", AlertDescription.UNEXPECTED_MESSAGE,
                                AlertDescription.BAD_RECORD_MAC, AlertDescription.DECODE_ERROR),
                                new Fault.Reprotect(FINISHED, Protection.PLAINTEXT))
                        .build());
    }

    /** Client targets: each server message skipped (SKIP deviations of RFC 8446 App. A.1). */
    static Check skipServerMessages() {
        return Check.of("tls13.order.skip-server-message", "order",
                Requirement.rfc8446("A.1", "A client MUST refuse a server flight that skips EncryptedExtensions, "
                        + "Certificate or CertificateVerify with unexpected_message."),
                "fatal unexpected_message", only(Role.CLIENT),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, new Fault.Drop(ENCRYPTED_EXTENSIONS))
                        .add(UNEXPECTED, new Fault.Drop(CERTIFICATE))
                        .add(UNEXPECTED, new Fault.Drop(CERTIFICATE_VERIFY))
                        .build());
    }

    /** CVE-2020-24613 (wolfSSL): a Finished accepted in WAIT_CERT_CR authenticates nobody. */
    static Check finishedInWaitCertCr() {
        return Check.of("tls13.order.finished-in-wait-cert-cr", "order",
                Requirement.rfc8446("4.4.2", "A client in WAIT_CERT_CR MUST NOT accept Finished: a server "
                        + "authenticating with a certificate MUST send Certificate and CertificateVerify "
                        + "(CVE-2020-24613)."),
                "fatal unexpected_message", only(Role.CLIENT),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, new Fault.Drop(CERTIFICATE), new Fault.Drop(CERTIFICATE_VERIFY))
                        .build());
    }

    static Check skipClientFinished() {
        return Check.of("tls13.order.skip-finished", "order",
                Requirement.rfc8446("4.4.4", "A server MUST NOT accept application data from a client that has "
                        + "not sent its Finished."),
                "fatal unexpected_message or bad_record_mac", only(Role.SERVER),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        // The peer goes on under application keys the server cannot yet use: a MAC failure.
                        .add(Expectation.Reject.of("5.2", AlertDescription.BAD_RECORD_MAC,
                                AlertDescription.UNEXPECTED_MESSAGE), new Fault.Drop(FINISHED))
                        .build());
    }

    /** CVE-2015-0205 (TLS 1.2) and CVE-2022-25640 (TLS 1.3): a client certificate without proof of possession. */
    static Check skipClientCertificateVerify() {
        return Check.of("tls13.order.skip-client-certificate-verify", "order",
                Requirement.rfc8446("4.4.3", "A client that sends a non-empty Certificate MUST send "
                        + "CertificateVerify; the server MUST refuse a Finished in WAIT_CV (CVE-2022-25640)."),
                "fatal unexpected_message", only(Role.SERVER, Capability.REQUESTS_CLIENT_CERTIFICATE),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, List.of("client-auth"), new Fault.Drop(CERTIFICATE_VERIFY))
                        .build());
    }

    static Check repeatServerMessages() {
        return Check.of("tls13.order.repeat-server-message", "order",
                Requirement.rfc8446("A.1", "A client MUST refuse a repeated ServerHello, EncryptedExtensions, "
                        + "Certificate, CertificateVerify or Finished with unexpected_message."),
                "fatal unexpected_message", only(Role.CLIENT),
                (id, v, role, profile, random) -> {
                    Scenarios s = new Scenarios(id, v, role);
                    for (HandshakeType t : List.of(SERVER_HELLO, ENCRYPTED_EXTENSIONS, CERTIFICATE,
                            CERTIFICATE_VERIFY, FINISHED)) {
                        s.add(UNEXPECTED, new Fault.Repeat(t));
                    }
                    return s.build();
                });
    }

    static Check reorderServerMessages() {
        return Check.of("tls13.order.reorder-server-messages", "order",
                Requirement.rfc8446("4", "Handshake messages MUST be sent in the order of §4; a client MUST refuse "
                        + "any other order with unexpected_message."),
                "fatal unexpected_message", only(Role.CLIENT),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, new Fault.SwapWithNext(ENCRYPTED_EXTENSIONS))
                        .add(UNEXPECTED, new Fault.SwapWithNext(CERTIFICATE))
                        .add(UNEXPECTED, new Fault.SwapWithNext(CERTIFICATE_VERIFY))
                        .build());
    }

    static Check secondClientHello() {
        return Check.of("tls13.order.second-client-hello", "order",
                Requirement.rfc8446("4.1.2", "A second ClientHello is only allowed in answer to a "
                        + "HelloRetryRequest; otherwise the server MUST answer unexpected_message."),
                "fatal unexpected_message", only(Role.SERVER),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, new Fault.Repeat(CLIENT_HELLO))
                        .build());
    }

    static Check clientHelloAfterHandshake() {
        return Check.of("tls13.order.client-hello-after-handshake", "order",
                Requirement.rfc8446("4.1.2", "TLS 1.3 forbids renegotiation: a server that receives a ClientHello "
                        + "after the handshake MUST terminate with unexpected_message."),
                "fatal unexpected_message", only(Role.SERVER),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, new Fault.ResendAfterHandshake(CLIENT_HELLO))
                        .build());
    }

    static Check secondHelloRetryRequest() {
        return Check.of("tls13.order.second-hello-retry-request", "order",
                Requirement.rfc8446("4.1.4", "A client that receives a second HelloRetryRequest in the same "
                        + "connection MUST abort with unexpected_message."),
                "fatal unexpected_message", only(Role.CLIENT),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(UNEXPECTED, List.of("hello-retry"), new Fault.Repeat(HELLO_RETRY_REQUEST))
                        .build());
    }
}
