package tlsconf.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import tlsconf.impl.CipherSuite;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.Negotiated;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsSocket;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.peers.ClientAuthMode;
import tlsconf.peers.FreePorts;
import tlsconf.peers.Group;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerCredentials;
import tlsconf.peers.PeerReport;
import tlsconf.peers.SigScheme;
import tlsconf.peers.Suite;

/**
 * What the interop tests share: one PKI for the JVM, the mapping between the peer layer's names and the
 * reference implementation's enums, and our side of a connection (connect, handshake, exchange, close), each
 * step bounded by {@link #IO_TIMEOUT}.
 */
final class Interop {

    /** Bound on every peer interaction: connect, accept, handshake, each read. */
    static final Duration IO_TIMEOUT = Duration.ofSeconds(10);
    /** What a test's HTTP client sends to an HTTP-answering server peer. */
    static final String HTTP_GET = "GET / HTTP/1.0\r\n\r\n";
    private static final int MAX_RESPONSE = 1 << 20;

    private Interop() {
    }

    static TestPki pki() {
        return TestPki.shared();
    }

    static KeyType keyType(SigScheme scheme) {
        return switch (scheme.keyKind()) {
            case EC_P256 -> KeyType.EC_P256;
            case RSA_2048 -> KeyType.RSA_2048;
            case ED25519 -> KeyType.ED25519;
        };
    }

    static PeerCredentials credentials(TestPki.Chain chain) {
        return new PeerCredentials(chain.certificates(), chain.leafKey());
    }

    static CipherSuite ours(Suite s) {
        return CipherSuite.valueOf(s.name());
    }

    static NamedGroup ours(Group g) {
        return NamedGroup.valueOf(g.name());
    }

    static SignatureScheme ours(SigScheme s) {
        return SignatureScheme.valueOf(s.name());
    }

    static ClientAuth ours(ClientAuthMode m) {
        return ClientAuth.valueOf(m.name());
    }

    /** A peer server with the server chain of {@code scheme}'s key type, trusting our client chain's roots. */
    static PeerConfig.Builder peerServer(SigScheme scheme) {
        return PeerConfig.builder().credentials(credentials(pki().serverChain(keyType(scheme))))
                .trustAnchors(pki().clientChain(KeyType.EC_P256).trustAnchors());
    }

    /** A peer client that checks our server's chain of {@code scheme}'s key type for "localhost". */
    static PeerConfig.Builder peerClient(SigScheme scheme) {
        return PeerConfig.builder().serverName(TestPki.DEFAULT_PEER_NAME)
                .trustAnchors(pki().serverChain(keyType(scheme)).trustAnchors());
    }

    /** Our client, checking a server chain of {@code scheme}'s key type for "localhost". */
    static TlsConfig.Builder ourClient(SigScheme scheme) {
        return TlsConfig.builder(Role.CLIENT).serverName(TestPki.DEFAULT_PEER_NAME)
                .trustAnchors(pki().serverChain(keyType(scheme)).trustAnchors());
    }

    /** Our server with the server chain of {@code scheme}'s key type, trusting the EC client chain's roots. */
    static TlsConfig.Builder ourServer(SigScheme scheme) {
        return TlsConfig.builder(Role.SERVER).credentials(pki().serverChain(keyType(scheme)).credentials())
                .trustAnchors(pki().clientChain(KeyType.EC_P256).trustAnchors());
    }

    /**
     * Fails when a peer's report lacks what that peer is known to print, so a change in its output format cannot
     * turn the agreement checks into no-ops. OpenSSL's server page names no group or scheme; the JSSE peers have
     * no API for them; a resumed session has no CertificateVerify and GnuTLS then prints no group either.
     */
    static void assertReportComplete(String peer, Role peerRole, PeerReport r, boolean resumed, String context) {
        boolean group = switch (peer) {
            case "openssl" -> peerRole == Role.CLIENT;
            case "gnutls", "nss" -> !resumed;
            default -> false;
        };
        boolean scheme = !resumed && (peer.equals("gnutls")
                || (peerRole == Role.CLIENT && (peer.equals("openssl") || peer.equals("nss"))));
        boolean resumption = peer.equals("openssl") || (peer.equals("gnutls") && peerRole == Role.CLIENT);
        assertTrue(r.version().isPresent() && r.suite().isPresent(), "no version or suite in the report: " + context);
        assertTrue(!group || r.group().isPresent(), "no group in the report: " + context);
        assertTrue(!scheme || r.scheme().isPresent(), "no signature scheme in the report: " + context);
        assertTrue(!resumption || r.resumed().isPresent(), "no resumption status in the report: " + context);
    }

    /**
     * What our client saw on one connection to an HTTP-answering server peer; {@code closeNotify}: the response
     * ended with the server's close_notify, not a bare end of the TCP stream.
     */
    record Exchange(Negotiated negotiated, String response, boolean closeNotify) {
    }

    /**
     * Our client: connect to 127.0.0.1:port, handshake, send an HTTP GET, read the response until the server
     * closes (with close_notify: a read of -1), then close our side (close_notify).
     */
    static Exchange httpGet(int port, TlsConfig config) throws IOException {
        return httpGet(port, config, false);
    }

    /** As {@link #httpGet(int, TlsConfig)}; with {@code keyUpdate}, first a KeyUpdate asking the server for one. */
    static Exchange httpGet(int port, TlsConfig config, boolean keyUpdate) throws IOException {
        try (Socket socket = connect(port)) {
            TlsSocket tls = TlsSocket.client(socket, config);
            try {
                tls.handshake();
                Negotiated negotiated = tls.negotiated();
                if (keyUpdate) {
                    tls.keyUpdate(true);
                }
                send(tls, HTTP_GET.getBytes(StandardCharsets.US_ASCII));
                String response = readToEnd(tls.getInputStream());
                return new Exchange(negotiated, response, tls.engine().isPeerClosed());
            } finally {
                tls.close();
            }
        }
    }

    /** Writes {@code data} through the socket's application stream; it must go on the wire at once. */
    static void send(TlsSocket tls, byte[] data) throws IOException {
        tls.getOutputStream().write(data);
        tls.getOutputStream().flush();
    }

    /** The TLS 1.3 secrets both sides must have derived identically (RFC 8446 §7.1). */
    static final List<String> TRAFFIC_SECRETS = List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
            "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0");

    /**
     * Our NSS key log and the peer's must hold the same traffic secrets for every connection (client random) we
     * logged: a check of our key schedule against an independent one. The peer may write its lines a moment
     * after the connection ends, hence the bounded wait.
     */
    static void assertKeyLogsAgree(Path ours, Path theirs) throws IOException {
        Map<String, String> mine = keyLog(ours);
        Set<String> randoms = new TreeSet<>();
        mine.keySet().forEach(k -> randoms.add(k.substring(k.indexOf(' ') + 1)));
        assertFalse(randoms.isEmpty(), "our key log is empty: " + ours);
        List<String> wanted = new ArrayList<>();
        for (String random : randoms) {
            TRAFFIC_SECRETS.forEach(label -> wanted.add(label + " " + random));
        }
        assertTrue(mine.keySet().containsAll(wanted), "our key log lacks traffic secrets: " + mine.keySet());
        try {
            Awaitility.await("peer key log " + theirs).atMost(IO_TIMEOUT).pollInterval(Duration.ofMillis(20))
                    .until(() -> keyLog(theirs).keySet().containsAll(wanted));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the peer's key log " + theirs + " lacks " + wanted + "; it has "
                    + keyLog(theirs).keySet(), e);
        }
        Map<String, String> peer = keyLog(theirs);
        for (String key : wanted) {
            assertEquals(peer.get(key), mine.get(key), key + " differs between our key log and the peer's");
        }
    }

    /** "LABEL client_random" -> secret, hex in lower case; a missing file is empty. */
    static Map<String, String> keyLog(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] f = line.strip().split(" ");
            if (f.length == 3 && !line.startsWith("#")) {
                out.put(f[0] + " " + f[1].toLowerCase(Locale.ROOT), f[2].toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), (int) IO_TIMEOUT.toMillis());
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot connect to 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        socket.setSoTimeout((int) IO_TIMEOUT.toMillis());
        return socket;
    }

    /** Reads until end of stream, bounded in size (and in time by the socket timeout). */
    static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_RESPONSE) {
                throw new IOException("response longer than " + MAX_RESPONSE + " bytes");
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Reads one '\n'-terminated line (without it), bounded in length. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 64 * 1024; i++) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream ended before a line was complete: '"
                        + out.toString(StandardCharsets.UTF_8) + "'");
            }
            if (b == '\n') {
                return out.toString(StandardCharsets.UTF_8).replace("\r", "");
            }
            out.write(b);
        }
        throw new IOException("line longer than 64 KiB");
    }
}
