package tlsconf.cli;

/**
 * A usage or setup error (bad option, unreadable file, unreachable target): exit status 2 and this one-line
 * message on stderr, no stack trace.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
