package tlsconf.peers;

/**
 * A peer could not be started or driven. The message is one line that names the peer and says what to do
 * (install a package, read a log file), so the CLI can print it as it is and exit 2.
 */
public final class PeerException extends RuntimeException {

    /** What went wrong, so callers can map it (the CLI: exit 2; a test: skip only for {@link #NOT_INSTALLED}). */
    public enum Kind {
        /** The binary is not on the PATH. */
        NOT_INSTALLED,
        /** The process exited before it was ready, or before it did what was asked. */
        EXITED_EARLY,
        /** The process printed what its spec names as a failed start (it may still be running). */
        START_FAILED,
        /** The bounded wait for readiness or for an expected output ran out. */
        TIMED_OUT,
        /** Starting, reading or writing failed at the operating-system level. */
        IO
    }

    private final Kind kind;

    public PeerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PeerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
