package tlsconf.conformance.check;

/** What a target announces it can do; a check that needs a capability the target lacks is skipped with a reason. */
public enum Capability {
    /** A server target that requests (and verifies) a client certificate. */
    REQUESTS_CLIENT_CERTIFICATE("the target does not request client certificates"),
    /** A client target that verifies the server's chain against the suite's test root. */
    VERIFIES_SERVER_CERTIFICATE("the target does not verify the server certificate against the suite's root"),
    /** The target's completion is observable (it answers application data or reports it in-process). */
    OBSERVABLE_COMPLETION("the target's handshake completion cannot be observed"),
    /** A client target that accepts a HelloRetryRequest. */
    HELLO_RETRY_REQUEST("the target does not support HelloRetryRequest");

    private final String missingReason;

    Capability(String missingReason) {
        this.missingReason = missingReason;
    }

    /** The reason printed when a check is skipped for lack of this capability. */
    public String missingReason() {
        return missingReason;
    }
}
