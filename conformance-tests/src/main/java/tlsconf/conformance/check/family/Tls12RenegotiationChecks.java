package tlsconf.conformance.check.family;

import static tlsconf.model.vocabulary.HandshakeType.CERTIFICATE;
import static tlsconf.model.vocabulary.HandshakeType.CLIENT_HELLO;
import static tlsconf.model.vocabulary.HandshakeType.FINISHED;
import static tlsconf.model.vocabulary.HandshakeType.SERVER_HELLO_DONE;

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
 * Family 1, TLS 1.2: HelloRequest and renegotiation (RFC 5246 §7.4.1.1, §7.4.1.2, §7.2.2; RFC 5746). The reference
 * engine does not renegotiate: the peer sends the request (a HelloRequest from a server peer, a ClientHello from a
 * client peer) and reads whether the target declines, carries on, aborts or renegotiates. Except during the
 * handshake, the expectations are {@link Expectation.IgnoreOrWarn}, judged without the model's oracle: the model
 * knows the refusal by no_renegotiation warning, not RFC 5746's fatal abort nor a renegotiation.
 */
public final class Tls12RenegotiationChecks {
    /** struct {} HelloRequest: type 0, length 0 (RFC 5246 §7.4.1.1). */
    static final String HELLO_REQUEST = "00000000";

    private Tls12RenegotiationChecks() {
    }

    public static List<Check> all() {
        return List.of(helloRequest(), helloRequestDuringHandshake(), clientHelloAfterHandshake(),
                secureRenegotiation());
    }

    private static Applicability on(Role role) {
        return new Applicability(EnumSet.of(TlsVersion.TLS_1_2), EnumSet.of(role),
                EnumSet.of(Capability.OBSERVABLE_COMPLETION));
    }

    static Check helloRequest() {
        return Check.of("tls12.order.hello-request", "order",
                Requirement.rfc5246("7.4.1.1", "A client MAY ignore a HelloRequest after the handshake, answer it "
                        + "with a no_renegotiation warning (§7.2.2) or renegotiate (with renegotiation_info carrying "
                        + "its client_verify_data, RFC 5746 §3.5); it does not end the connection over it. Judged "
                        + "without the model's oracle (the model has no renegotiation)."),
                "ignored, warning no_renegotiation, or a secure renegotiation", on(Role.CLIENT),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(new Expectation.IgnoreOrWarn(AlertDescription.NO_RENEGOTIATION, true, true, List.of(),
                                        5246, "7.4.1.1"),
                                new Fault.Inject(Anchor.afterHandshake(), ContentType.HANDSHAKE.code(),
                                        Protection.CURRENT, HELLO_REQUEST))
                        .build());
    }

    /**
     * The model's own case: HelloRequest is ignored while a handshake runs (its oracle says Ignore there).
     *
     * <p>A client that answers such a HelloRequest with a warning no_renegotiation and then completes conforms, and
     * passes at every strictness: RFC 5246 §7.4.1.1 says the request "will be ignored by the client if the client is
     * currently negotiating a session" (a description with no MUST: what it rules out is starting a new negotiation
     * and hashing the HelloRequest), and in the same paragraph lets a client that does not wish to renegotiate
     * "respond with a no_renegotiation alert"; §7.2.2 makes that alert "always a warning", after which "the
     * connection can continue normally". So the expectation stays "the handshake completes", and the peer reads past a
     * TLS 1.2 warning to what the target does next ({@code TargetReader}): completing passes, a fatal alert or a
     * close after it fails. wolfSSL 5.5.4 does exactly this (warning, then completes).
     *
     * <p>Between the server's ChangeCipherSpec and its Finished the server itself breaks §7.4.9 ("a Finished message
     * is always sent immediately after a change cipher spec message"), so there a client may also refuse with
     * unexpected_message; ignoring it (the model's row, §7.4.1.1) passes as well.
     */
    static Check helloRequestDuringHandshake() {
        Expectation completes = new Expectation.Accept("7.4.1.1");
        return Check.of("tls12.order.hello-request-during-handshake", "order",
                Requirement.rfc5246("7.4.1.1", "A HelloRequest that arrives while the client is negotiating is "
                        + "ignored (it is not part of the handshake hashes either): the handshake completes. A "
                        + "warning no_renegotiation on the way is allowed (§7.4.1.1, §7.2.2: always a warning). "
                        + "Between the server's ChangeCipherSpec and Finished, unexpected_message is allowed too "
                        + "(§7.4.9: Finished immediately follows ChangeCipherSpec)."),
                "handshake completes", on(Role.CLIENT),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(completes, new Fault.Inject(Anchor.before(CERTIFICATE), ContentType.HANDSHAKE.code(),
                                Protection.PLAINTEXT, HELLO_REQUEST))
                        .add(completes, new Fault.Inject(Anchor.before(SERVER_HELLO_DONE),
                                ContentType.HANDSHAKE.code(), Protection.PLAINTEXT, HELLO_REQUEST))
                        // between our ChangeCipherSpec and Finished, under the new keys: still negotiating, but
                        // our Finished no longer follows our ChangeCipherSpec at once (§7.4.9)
                        .add(new Expectation.RejectOrContinue(
                                        Expectation.Reject.of("7.4.9", AlertDescription.UNEXPECTED_MESSAGE)),
                                new Fault.Inject(Anchor.before(FINISHED),
                                ContentType.HANDSHAKE.code(), Protection.CURRENT, HELLO_REQUEST))
                        .build());
    }

    /**
     * The peer's initial ClientHello again, under the connection's keys: its renegotiation_info is empty (or it
     * carries the SCSV), so it is no valid renegotiation on a connection that negotiated secure renegotiation.
     */
    static Check clientHelloAfterHandshake() {
        return Check.of("tls12.order.client-hello-after-handshake", "order",
                new Requirement(5746, "3.7", "A server that renegotiates MUST abort (a fatal handshake_failure, "
                        + "§3.4) when a renegotiation ClientHello carries the SCSV or lacks the saved "
                        + "client_verify_data; one that does not renegotiate answers a no_renegotiation warning "
                        + "(RFC 5246 §7.2.2). Judged without the model's oracle (the model has no handshake_failure "
                        + "here)."),
                "warning no_renegotiation or fatal handshake_failure", on(Role.SERVER),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(new Expectation.IgnoreOrWarn(AlertDescription.NO_RENEGOTIATION, false, false,
                                        List.of(AlertDescription.HANDSHAKE_FAILURE), 5746, "3.7"),
                                new Fault.ResendAfterHandshake(CLIENT_HELLO))
                        .build());
    }

    static Check secureRenegotiation() {
        return Check.of("tls12.order.secure-renegotiation", "order",
                new Requirement(5746, "3.7", "A client may ask to renegotiate with a ClientHello whose "
                        + "renegotiation_info holds its client_verify_data (§3.5); the server either renegotiates, "
                        + "its ServerHello's renegotiation_info holding both verify_data (§3.7), or declines with a "
                        + "no_renegotiation warning (RFC 5246 §7.2.2). Judged without the model's oracle."),
                "a secure renegotiation or warning no_renegotiation", on(Role.SERVER),
                (id, v, role, profile, random) -> new Scenarios(id, v, role)
                        .add(new Expectation.IgnoreOrWarn(AlertDescription.NO_RENEGOTIATION, false, true, List.of(),
                                5746, "3.7"), new Fault.SecureRenegotiation())
                        .build());
    }
}
