package tlsconf.peers.jsse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import tlsconf.peers.ClientAuthMode;
import tlsconf.peers.FreePorts;
import tlsconf.peers.OutputTail;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerException;
import tlsconf.peers.RunningPeer;

/**
 * The JDK's TLS server (SunJSSE), in-process on 127.0.0.1. Each connection is served on its own thread, with a
 * read timeout: an HTTP request ("GET ...") is answered with a page of the connection's report lines (see
 * {@link JsseConnection}) and the connection is closed with close_notify; any other line is echoed. Reports and
 * errors go to {@link #output()}.
 */
public final class JsseServer implements RunningPeer {

    /** Read timeout of a served connection: a silent peer ends the connection, never the server. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final SSLServerSocket listener;
    private final String stack;
    private final OutputTail output = OutputTail.inMemory(OutputTail.DEFAULT_MAX_LINES);
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jsse-server-connection");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private JsseServer(SSLServerSocket listener, String stack) {
        this.listener = listener;
        this.stack = stack;
        this.acceptor = new Thread(this::acceptLoop, stack + "-server-accept-" + listener.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Starts listening; returns when the server accepts connections. */
    public static JsseServer start(PeerConfig config) {
        return start(config, "jsse", null);
    }

    /**
     * Starts a server of JSSE provider {@code provider} (null: SunJSSE), named {@code stack} in messages
     * ("bcjsse"); returns when it accepts connections.
     */
    public static JsseServer start(PeerConfig config, String stack, java.security.Provider provider) {
        SSLContext ctx = JsseContexts.create(config, provider);
        try {
            SSLServerSocket listener = (SSLServerSocket) ctx.getServerSocketFactory()
                    .createServerSocket(0, 50, FreePorts.LOOPBACK);
            SSLParameters params = listener.getSSLParameters();
            JsseParameters.apply(params, config);
            params.setNeedClientAuth(config.clientAuth() == ClientAuthMode.REQUIRE);
            if (config.clientAuth() == ClientAuthMode.REQUEST) {
                params.setWantClientAuth(true);
            }
            listener.setSSLParameters(params);
            JsseServer server = new JsseServer(listener, stack);
            server.acceptor.start();
            return server;
        } catch (IOException e) {
            throw new PeerException(PeerException.Kind.IO, stack + " server cannot listen on 127.0.0.1: "
                    + e.getMessage(), e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SSLSocket socket = (SSLSocket) listener.accept();
                open.add(socket);
                workers.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    JsseConnection.error(output, e);
                }
                return;
            }
        }
    }

    private void serve(SSLSocket socket) {
        try (socket) {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.startHandshake();
            JsseConnection.report(output, socket.getSession());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            // Bounded: at most this many lines per connection, each read bounded by the socket timeout.
            for (int i = 0; i < 10_000; i++) {
                String line = in.readLine();
                if (line == null) {
                    output.appendLine("PEER CLOSED");
                    return;
                }
                if (line.startsWith("GET ")) {
                    answerHttp(in, out, socket);
                    return;
                }
                output.appendLine("RECEIVED: " + line);
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            if (!(closed && e instanceof SocketException)) {
                JsseConnection.error(output, e);
            }
        } finally {
            open.remove(socket);
        }
    }

    private void answerHttp(BufferedReader in, OutputStream out, SSLSocket socket) throws IOException {
        for (int i = 0; i < 100; i++) {
            String header = in.readLine();
            if (header == null || header.isEmpty()) {
                break;
            }
        }
        OutputTail page = OutputTail.inMemory(100);
        JsseConnection.report(page, socket.getSession());
        String body = String.join("\r\n", page.lines()) + "\r\n";
        out.write(("HTTP/1.0 200 ok\r\nContent-Type: text/plain\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        out.flush();
        output.appendLine("ANSWERED HTTP");
        // An orderly close, close_notify only (RFC 8446 §6.1). Without this, closing the socket makes SunJSSE end a
        // TLS 1.3 connection with user_canceled before close_notify (its duplex close), which a client reading the
        // page and the alerts in one go sees as the server cancelling a handshake that had in fact completed.
        // BCJSSE has no half-close ("shutdownOutput() not supported in TLS"); its close() after a completed
        // handshake sends close_notify alone, which the caller's try-with-resources does.
        try {
            socket.shutdownOutput();
        } catch (UnsupportedOperationException e) {
            // BCJSSE: closed by the caller
        }
    }

    @Override
    public String name() {
        return stack + " server";
    }

    @Override
    public OutputTail output() {
        return output;
    }

    @Override
    public boolean isAlive() {
        return !closed && acceptor.isAlive();
    }

    @Override
    public void sendLine(String line) {
        throw new UnsupportedOperationException("the JSSE server answers its connections; it reads no input");
    }

    @Override
    public void send(String text) {
        sendLine(text);
    }

    @Override
    public void closeInput() {
        // nothing to close: the server has no input of its own
    }

    @Override
    public String awaitOutput(Pattern pattern, Duration timeout) {
        return awaitLine(output, pattern, timeout, name(), this::isAlive);
    }

    @Override
    public int awaitExit(Duration timeout) {
        throw new UnsupportedOperationException("the JSSE server runs until it is closed");
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : List.copyOf(open)) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shared by the in-process peers: a bounded wait for a matching line. */
    static String awaitLine(OutputTail output, Pattern pattern, Duration timeout, String name,
                            java.util.function.BooleanSupplier alive) {
        try {
            Awaitility.await(name + " prints /" + pattern.pattern() + "/").atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> output.firstMatch(pattern).isPresent() || !alive.getAsBoolean());
        } catch (ConditionTimeoutException e) {
            throw new PeerException(PeerException.Kind.TIMED_OUT, name + " did not print /" + pattern.pattern()
                    + "/ within " + timeout.toMillis() + " ms; last output: " + output.lastLinesInline(6));
        }
        return output.firstMatch(pattern).orElseThrow(() -> new PeerException(PeerException.Kind.EXITED_EARLY,
                name + " ended without printing /" + pattern.pattern() + "/: " + output.lastLinesInline(6)));
    }
}
