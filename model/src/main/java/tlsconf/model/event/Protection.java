package tlsconf.model.event;

/**
 * The keys a record travelled under. TLS 1.3 (RFC 8446 §7.1) has four epochs; TLS 1.2 has two: plaintext before
 * ChangeCipherSpec and the negotiated connection keys after it (RFC 5246 §6.1), which the model calls
 * {@link #APPLICATION} because they also protect the application data.
 */
public enum Protection {
    PLAINTEXT("plain"),
    /** client_early_traffic_secret (0-RTT, RFC 8446 §4.2.10). */
    EARLY("early"),
    /** [sender]_handshake_traffic_secret (RFC 8446 §7.1). */
    HANDSHAKE("hs"),
    /** [sender]_application_traffic_secret_N, or the TLS 1.2 connection keys. */
    APPLICATION("app");

    private final String shortName;

    Protection(String shortName) {
        this.shortName = shortName;
    }

    /** "plain", "early", "hs", "app": the compact form used in diagrams and deviation names. */
    public String shortName() {
        return shortName;
    }

    public boolean encrypted() {
        return this != PLAINTEXT;
    }
}
