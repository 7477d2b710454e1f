package tlsconf.peers;

import java.time.Duration;
import java.util.regex.Pattern;

/** A started server peer listening on 127.0.0.1:{@link #port()}; closing it ends the peer. */
public final class ServerPeer implements RunningPeer {

    private final RunningPeer delegate;
    private final int port;
    private final Capabilities capabilities;

    public ServerPeer(RunningPeer delegate, int port, Capabilities capabilities) {
        this.delegate = delegate;
        this.port = port;
        this.capabilities = capabilities;
    }

    public int port() {
        return port;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    /** The underlying peer (a {@link PeerProcess}, or an in-process server). */
    public RunningPeer unwrap() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name() + " on 127.0.0.1:" + port;
    }

    @Override
    public OutputTail output() {
        return delegate.output();
    }

    @Override
    public boolean isAlive() {
        return delegate.isAlive();
    }

    @Override
    public void sendLine(String line) {
        delegate.sendLine(line);
    }

    @Override
    public void send(String text) {
        delegate.send(text);
    }

    @Override
    public void closeInput() {
        delegate.closeInput();
    }

    @Override
    public String awaitOutput(Pattern pattern, Duration timeout) {
        return delegate.awaitOutput(pattern, timeout);
    }

    @Override
    public int awaitExit(Duration timeout) {
        return delegate.awaitExit(timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return name();
    }
}
