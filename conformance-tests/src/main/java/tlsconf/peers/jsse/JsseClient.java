package tlsconf.peers.jsse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import tlsconf.peers.FreePorts;
import tlsconf.peers.OutputTail;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerException;
import tlsconf.peers.RunningPeer;

/**
 * The JDK's TLS client (SunJSSE), in-process, behaving like {@code s_client -brief}: it connects on its own
 * thread (so the test thread can run our server meanwhile), verifies the server's chain and host name, reports
 * the connection in {@link #output()} ("Protocol version: TLSv1.3", "Ciphersuite: ..."), prints each line it
 * receives as "RECEIVED: ...", and sends what {@link #sendLine} is given.
 *
 * <p>With {@link PeerConfig#reconnect()}, the first connection sends the line "resumption probe", waits for one
 * line back (by then the server's NewSessionTicket has been read), closes, and a second connection, which JSSE
 * resumes from its session cache, becomes the interactive one.
 */
public final class JsseClient implements RunningPeer {

    /** Bound on connect, handshake and every read. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The line the first of two connections sends so it reads the server's ticket. */
    public static final String PROBE = "resumption probe";

    private final PeerConfig config;
    private final int port;
    private final String stack;
    private final java.util.function.Consumer<SSLParameters> tuning;
    private final SSLContext context;
    private final OutputTail output = OutputTail.inMemory(OutputTail.DEFAULT_MAX_LINES);
    private final Thread thread;
    private volatile SSLSocket socket;
    private volatile boolean failed;
    private volatile boolean finished;

    private JsseClient(PeerConfig config, int port, String stack, java.security.Provider provider,
                       java.util.function.Consumer<SSLParameters> tuning) {
        this.config = config;
        this.port = port;
        this.stack = stack;
        this.tuning = tuning;
        this.context = JsseContexts.create(config, provider);
        this.thread = new Thread(this::run, stack + "-client-" + port);
        this.thread.setDaemon(true);
    }

    /** Starts connecting to 127.0.0.1:port; returns at once. */
    public static JsseClient start(PeerConfig config, int port) {
        return start(config, port, "jsse", null, params -> { });
    }

    /**
     * Starts a client of JSSE provider {@code provider} (null: SunJSSE), named {@code stack} in messages ("bcjsse"),
     * whose connection parameters get {@code tuning} after the config's; returns at once.
     */
    public static JsseClient start(PeerConfig config, int port, String stack, java.security.Provider provider,
                                   java.util.function.Consumer<SSLParameters> tuning) {
        JsseClient client = new JsseClient(config, port, stack, provider, tuning);
        client.thread.start();
        return client;
    }

    private void run() {
        try {
            if (config.reconnect()) {
                try (SSLSocket first = connect()) {
                    OutputStream out = first.getOutputStream();
                    out.write((PROBE + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    String echo = reader(first).readLine();
                    output.appendLine("FIRST CONNECTION RECEIVED: " + echo);
                }
                output.appendLine("RECONNECTING");
            }
            SSLSocket s = connect();
            if (!config.request().isEmpty()) {
                s.getOutputStream().write(config.request().getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
            }
            socket = s;
            BufferedReader in = reader(s);
            for (int i = 0; i < 10_000; i++) {
                String line = in.readLine();
                if (line == null) {
                    output.appendLine("PEER CLOSED");
                    return;
                }
                output.appendLine("RECEIVED: " + line);
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            JsseConnection.error(output, e);
        } finally {
            finished = true;
            closeQuietly();
        }
    }

    private SSLSocket connect() throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), (int) TIMEOUT.toMillis());
        plain.setSoTimeout((int) TIMEOUT.toMillis());
        String host = config.serverName();
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters params = s.getSSLParameters();
        JsseParameters.apply(params, config);
        tuning.accept(params);
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.matches("[0-9.:]+")) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        s.setSSLParameters(params);
        s.startHandshake();
        JsseConnection.report(output, s.getSession());
        return s;
    }

    private static BufferedReader reader(SSLSocket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return stack + " client to 127.0.0.1:" + port;
    }

    @Override
    public OutputTail output() {
        return output;
    }

    @Override
    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void sendLine(String line) {
        send(line + "\n");
    }

    @Override
    public void send(String text) {
        try {
            Awaitility.await(name() + " connected").atMost(TIMEOUT).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(() -> socket != null || finished);
        } catch (ConditionTimeoutException e) {
            throw new PeerException(PeerException.Kind.TIMED_OUT, name() + " not connected within "
                    + TIMEOUT.toSeconds() + " s: " + output.lastLinesInline(6));
        }
        SSLSocket s = socket;
        if (s == null) {
            throw new PeerException(PeerException.Kind.EXITED_EARLY, name() + " ended before it could send: "
                    + output.lastLinesInline(6));
        }
        try {
            OutputStream out = s.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new PeerException(PeerException.Kind.IO, name() + " cannot send: " + e.getMessage(), e);
        }
    }

    /** Sends close_notify (the JDK closes both directions). */
    @Override
    public void closeInput() {
        closeQuietly();
    }

    @Override
    public String awaitOutput(Pattern pattern, Duration timeout) {
        return JsseServer.awaitLine(output, pattern, timeout, name(), this::isAlive);
    }

    /** 0 when every connection completed and ended cleanly, 1 when one failed. */
    @Override
    public int awaitExit(Duration timeout) {
        try {
            Awaitility.await(name() + " ends").atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(() -> finished && !thread.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new PeerException(PeerException.Kind.TIMED_OUT, name() + " still running after "
                    + timeout.toMillis() + " ms: " + output.lastLinesInline(6));
        }
        return failed ? 1 : 0;
    }

    private void closeQuietly() {
        SSLSocket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        closeQuietly();
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
