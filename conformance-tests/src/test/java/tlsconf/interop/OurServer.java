package tlsconf.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import tlsconf.impl.Negotiated;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsSocket;
import tlsconf.peers.FreePorts;
import tlsconf.peers.RunningPeer;

/**
 * Our server side of a connection from a started client peer: accept on 127.0.0.1, handshake, exchange a line
 * both ways, close with close_notify. Every step is bounded by {@link Interop#IO_TIMEOUT}.
 */
final class OurServer implements AutoCloseable {

    private final ServerSocket listener;
    private final TlsConfig config;

    OurServer(TlsConfig config) throws IOException {
        this.listener = FreePorts.listen();
        this.listener.setSoTimeout((int) Interop.IO_TIMEOUT.toMillis());
        this.config = config;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Accepts one connection and completes the handshake; the caller closes the result. */
    TlsSocket acceptAndHandshake() throws IOException {
        Socket socket = listener.accept();
        socket.setSoTimeout((int) Interop.IO_TIMEOUT.toMillis());
        TlsSocket tls = TlsSocket.server(socket, config);
        try {
            tls.handshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            tls.close();
            socket.close();
            throw e;
        }
    }

    /**
     * Accepts a connection, handshakes, reads {@code line} (the client's request, see PeerConfig.request),
     * answers "echo: line", checks the client prints it, and closes with close_notify.
     */
    Negotiated serveRequest(RunningPeer client, String line) throws IOException {
        TlsSocket tls = acceptAndHandshake();
        try {
            Negotiated negotiated = tls.negotiated();
            answer(tls, client, line);
            return negotiated;
        } finally {
            tls.close();
        }
    }

    /** Reads the client's line, checks it, and answers it; the client must print the answer. */
    static void answer(TlsSocket tls, RunningPeer client, String line) throws IOException {
        assertEquals(line, Interop.readLine(tls.getInputStream()), "the client's line arrived changed");
        String answer = "echo: " + line;
        Interop.send(tls, (answer + "\n").getBytes(StandardCharsets.UTF_8));
        client.awaitOutput(Pattern.compile(Pattern.quote(answer)), Interop.IO_TIMEOUT);
    }

    /**
     * A first connection the client only uses to get a ticket (gnutls-cli --resume, the JSSE client's probe):
     * handshake, answer whatever lines come until the client closes, then close.
     */
    Negotiated serveUntilClientCloses() throws IOException {
        TlsSocket tls = acceptAndHandshake();
        try {
            Negotiated negotiated = tls.negotiated();
            InputStream in = tls.getInputStream();
            StringBuilder line = new StringBuilder();
            // Bounded: a probe is one short line; the socket timeout bounds each read.
            for (int i = 0; i < 64 * 1024; i++) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                line.append((char) b);
                if (b == '\n') {
                    Interop.send(tls, line.toString().getBytes(StandardCharsets.UTF_8));
                    line.setLength(0);
                }
            }
            return negotiated;
        } finally {
            tls.close();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
