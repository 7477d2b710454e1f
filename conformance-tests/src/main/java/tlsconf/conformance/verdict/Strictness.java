package tlsconf.conformance.verdict;

import java.util.Locale;

/**
 * How strictly a rejection is judged (issue 6). RFC 8446 §6.2 names the alert for most failures, but peers differ
 * (PEERS.md: a missing client certificate draws three different TLS 1.2 alerts), so a user may relax the verdict.
 */
public enum Strictness {
    /** The target sent a fatal alert the RFC names for the case. */
    EXACT("exact"),
    /** The target sent some fatal alert. */
    ALERT("alert"),
    /** The target at least closed the connection without completing the handshake. */
    CLOSE("close");

    private final String cliName;

    Strictness(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Strictness fromCliName(String name) {
        for (Strictness s : values()) {
            if (s.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strictness '" + name + "' (expected exact, alert or close)");
    }
}
