package tlsconf.peers;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A started peer: a process ({@link PeerProcess}) or an in-process JSSE peer. Whatever it prints or reports
 * lands in {@link #output()}; every wait is bounded; {@link #close()} always ends it.
 */
public interface RunningPeer extends AutoCloseable {

    /** Short label ("openssl s_server on 127.0.0.1:40123"). */
    String name();

    /** What the peer printed or reported so far. */
    OutputTail output();

    boolean isAlive();

    /** Sends one line (with '\n') to the peer: its stdin, or for an in-process client its connection. */
    void sendLine(String line);

    /** Sends raw text as it is (an HTTP request with CRLFs). */
    void send(String text);

    /** End of input: stdin closed, or for an in-process client a close_notify. */
    void closeInput();

    /**
     * Waits until a line of output matches {@code pattern} and returns it. Fails with a {@link PeerException}
     * (TIMED_OUT, or EXITED_EARLY when the peer ended without printing it) naming the pattern and the last lines.
     */
    String awaitOutput(Pattern pattern, Duration timeout);

    /** Waits for the peer to end by itself and returns its exit status (in-process peers: 0 on success). */
    int awaitExit(Duration timeout);

    /** Ends the peer (bounded: forcibly after a grace period). Never throws. */
    @Override
    void close();
}
