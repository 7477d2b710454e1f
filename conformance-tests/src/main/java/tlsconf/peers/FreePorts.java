package tlsconf.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.IntFunction;

/** Ports on 127.0.0.1 for peers that must be told where to listen. */
public final class FreePorts {

    /** The only address peers are started on and connected to. */
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private FreePorts() {
    }

    /**
     * A port that was free on 127.0.0.1 a moment ago. Another process may take it before the peer binds it; the
     * peer's readiness wait then reports an early exit naming the port, which is rare enough not to retry here.
     */
    public static int allocate() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, 0), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a server on a fresh free port, trying again (at most three times) when the port was taken between
     * {@link #allocate()} and the peer's bind: with several test runs on one machine that window is real.
     */
    public static <T> T startOnFreePort(IntFunction<T> start) {
        PeerException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return start.apply(allocate());
            } catch (PeerException e) {
                boolean startFailed = e.kind() == PeerException.Kind.EXITED_EARLY
                        || e.kind() == PeerException.Kind.START_FAILED;
                if (!startFailed || !e.getMessage().contains("in use")) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** A listening socket on 127.0.0.1 at an ephemeral port, for our side when a started client connects to us. */
    public static ServerSocket listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(LOOPBACK, 0), 16);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:port (one connect attempt, bounded). */
    public static boolean accepting(int port, int timeoutMillis) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(LOOPBACK, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
