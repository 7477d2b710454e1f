package tlsconf.conformance.check;

/**
 * What a target announces about itself: what it can do, so a check that needs a capability the target lacks is
 * skipped with a reason, and the few limitations ({@link #limitation()}) a target announces when it has them, so a
 * check they make unplayable is skipped with a reason while targets that announce nothing keep it.
 */
public enum Capability {
    /** A server target that requests (and verifies) a client certificate. */
    REQUESTS_CLIENT_CERTIFICATE("the target does not request client certificates"),
    /** A client target that verifies the server's chain against the suite's test root. */
    VERIFIES_SERVER_CERTIFICATE("the target does not verify the server certificate against the suite's root"),
    /** The target's completion is observable (it answers application data or reports it in-process). */
    OBSERVABLE_COMPLETION("the target's handshake completion cannot be observed"),
    /** A client target that accepts a HelloRetryRequest. */
    HELLO_RETRY_REQUEST("the target does not support HelloRetryRequest"),
    /**
     * Limitation: a TLS 1.2 client target whose ClientHello offers no RSA key-transport suite (TLS_RSA_WITH_*),
     * so a server cannot pick one (RFC 5246 §7.4.1.3: the server selects from the client's list). Checks of what
     * a client does under RSA key transport (a ServerKeyExchange there: FREAK) cannot be played against it. It is
     * a limitation rather than a capability because the targets that say nothing (the reference client, a
     * {@code --client-command}) offer such suites or are to be tried; the presets announce it from what their
     * clients were seen to offer on the wire ({@code tlsconf.peers.Capabilities#rsaKeyTransport}).
     */
    NO_RSA_KEY_TRANSPORT("the target offers no RSA key-transport suite (TLS_RSA_WITH_*) in its TLS 1.2 "
            + "ClientHello, so the peer cannot negotiate RSA key transport with it", true);

    private final String reason;
    private final boolean limitation;

    Capability(String missingReason) {
        this(missingReason, false);
    }

    Capability(String reason, boolean limitation) {
        this.reason = reason;
        this.limitation = limitation;
    }

    /**
     * Whether this is a limitation: a target that has it announces it, and a check it concerns is skipped when the
     * target announces it ({@link Applicability#excludedBy()}), not when it is absent.
     */
    public boolean limitation() {
        return limitation;
    }

    /**
     * The reason printed when a check is skipped: for lack of this capability, or (a limitation) because the target
     * announced it.
     */
    public String missingReason() {
        return reason;
    }
}
