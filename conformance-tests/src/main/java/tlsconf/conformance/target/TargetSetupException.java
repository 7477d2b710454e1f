package tlsconf.conformance.target;

/**
 * The target cannot be tested at all (unreachable address, missing binary, a process that never became ready):
 * the run stops with exit status 2 and this one-line message.
 */
public final class TargetSetupException extends RuntimeException {
    public TargetSetupException(String message) {
        super(message);
    }

    public TargetSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
