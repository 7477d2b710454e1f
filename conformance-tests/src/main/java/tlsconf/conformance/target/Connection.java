package tlsconf.conformance.target;

import java.time.Duration;

/**
 * The test peer's view of one connection to the target: raw TLS bytes out, raw TLS bytes in, each read bounded by
 * a timeout. In-process targets answer synchronously; socket targets read with a socket timeout; nothing waits
 * without a bound.
 */
public interface Connection extends AutoCloseable {

    /** What a read returned. */
    sealed interface Received {
        record Data(byte[] bytes) implements Received {
        }

        /** The target closed its side (end of stream or a reset). */
        record Eof() implements Received {
        }

        /** Nothing arrived within the timeout. */
        record Silence() implements Received {
        }
    }

    /** Sends bytes to the target; a target that has gone away is reported by the next {@link #receive}. */
    void send(byte[] bytes);

    /** Waits at most {@code timeout} for bytes from the target. */
    Received receive(Duration timeout);

    /**
     * For in-process targets: whether the target's own engine considers the handshake complete. Socket targets
     * return null and completion is judged from the application data the target sends.
     */
    default Boolean targetReportsComplete() {
        return null;
    }

    /** A line to add to the trace when the scenario ends (e.g. the alert the in-process target raised). */
    default String targetNote() {
        return null;
    }

    @Override
    void close();
}
