package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsSocket;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;

/** Interop with GnuTLS 3.7 pinned to TLS 1.2: our client against gnutls-serv, our server against gnutls-cli. */
class GnutlsInteropTest {
    private static final String PRIORITY = "--priority=NORMAL:-VERS-ALL:+VERS-TLS1.2";

    @TempDir
    Path dir;

    private PeerProcess gnutlsServ(KeyType key, List<String> extra) throws Exception {
        TestPki.PemFiles f = Pair.pki().serverChain(key).writeTo(dir.resolve("server"));
        int port = PeerProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of("gnutls-serv", "-p", Integer.toString(port), PRIORITY,
                "--x509certfile=" + f.chain(), "--x509keyfile=" + f.leafKey(), "--http"));
        cmd.addAll(extra);
        return PeerProcess.server(cmd, dir, port);
    }

    /** Our client, speaking only TLS 1.2 ({@code c} from {@link Pair#only12}), handshake done. */
    private static TlsSocket connect(int port, TlsConfig c) throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        TlsSocket tls = TlsSocket.client(s, c);
        tls.handshake();
        return tls;
    }

    private static String get(TlsSocket tls) throws Exception {
        tls.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[4096];
        for (int i = 0; i < 1000; i++) {
            int n = tls.getInputStream().read(b, 0, b.length);
            if (n < 0) {
                break;
            }
            out.write(b, 0, n);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "our client, gnutls-serv, {0}")
    @EnumSource(Tls12CipherSuite.class)
    void ourClientEverySuite(Tls12CipherSuite suite) throws Exception {
        try (PeerProcess server = gnutlsServ(Pair.keyFor(suite), List.of("--disable-client-cert"))) {
            TlsConfig c = Pair.only12(Pair.client(Pair.keyFor(suite)), Tls12Options.defaults().withCipherSuites(suite));
            try (TlsSocket tls = connect(server.port, c)) {
                assertEquals(suite, tls.engine().tls12Negotiated().cipherSuite());
                assertTrue(tls.engine().tls12Negotiated().extendedMasterSecret());
                String page = get(tls);
                assertTrue(page.contains("200 OK"), page);
            }
        }
    }

    @Test
    void ourClientAuthenticates() throws Exception {
        TestPki.PemFiles clientFiles = Pair.pki().clientChain(KeyType.RSA_2048).writeTo(dir.resolve("client"));
        try (PeerProcess server = gnutlsServ(KeyType.EC_P256, List.of("--verify-client-cert",
                "--require-client-cert", "--x509cafile=" + clientFiles.roots()))) {
            TlsConfig c = Pair.only12(Pair.client(KeyType.EC_P256)
                    .credentials(Pair.pki().clientChain(KeyType.RSA_2048).credentials()), Tls12Options.defaults());
            try (TlsSocket tls = connect(server.port, c)) {
                String page = get(tls);
                assertTrue(page.contains("200 OK"), page);
                assertTrue(page.contains("Certificate") || page.contains("certificate"), page);
            }
        }
    }

    @ParameterizedTest(name = "our client resumes with gnutls-serv, tickets {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void ourClientResumes(boolean tickets) throws Exception {
        List<String> extra = new ArrayList<>(List.of("--disable-client-cert"));
        if (!tickets) {
            extra.add("--noticket");
        }
        try (PeerProcess server = gnutlsServ(KeyType.RSA_2048, extra)) {
            Tls12Options o = Tls12Options.defaults().withClientSessions(Tls12SessionStore.inMemory());
            TlsConfig c = Pair.only12(Pair.client(KeyType.RSA_2048), o);
            try (TlsSocket tls = connect(server.port, c)) {
                assertFalse(tls.engine().tls12Negotiated().resumed());
                get(tls);
            }
            try (TlsSocket tls = connect(server.port, c)) {
                assertTrue(tls.engine().tls12Negotiated().resumed());
                assertEquals(tickets, tls.engine().tls12Negotiated().resumedByTicket());
                assertTrue(get(tls).contains("200 OK"));
            }
        }
    }

    // --- our server, gnutls-cli ---

    /** Our server ({@code s} from {@link Pair#only12}) for {@code connections} gnutls-cli connections. */
    private List<Tls12Negotiated> serve(TlsConfig s, List<String> extra, int connections, String expectInOutput)
            throws Exception {
        List<Tls12Negotiated> out = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(15_000);
            Path roots = dir.resolve("allroots.pem");
            tlsconf.impl.cert.Pem.writeCertificates(roots, Pair.pki().roots());
            List<String> cmd = new ArrayList<>(List.of("gnutls-cli", "127.0.0.1", "-p",
                    Integer.toString(listener.getLocalPort()), PRIORITY, "--x509cafile=" + roots,
                    "--verify-hostname=localhost", "--sni-hostname=localhost"));
            cmd.addAll(extra);
            try (PeerProcess client = PeerProcess.start(cmd, dir, 0, true)) {
                OutputStream w = client.process.getOutputStream();
                for (int i = 0; i < connections; i++) {
                    Socket sock = listener.accept();
                    sock.setSoTimeout(10_000);
                    try (TlsSocket tls = TlsSocket.server(sock, s)) {
                        tls.handshake();
                        out.add(tls.engine().tls12Negotiated());
                        if (i == connections - 1) {
                            w.write("hello from gnutls-cli\n".getBytes(StandardCharsets.US_ASCII));
                            w.flush();
                            byte[] b = new byte[100];
                            int n = tls.getInputStream().read(b, 0, b.length);
                            assertEquals("hello from gnutls-cli\n", new String(b, 0, Math.max(0, n),
                                    StandardCharsets.US_ASCII));
                            tls.getOutputStream().write("hello from tlsconf\n".getBytes(StandardCharsets.US_ASCII));
                            Awaitility.await().atMost(Duration.ofSeconds(10))
                                    .until(() -> client.output().contains("hello from tlsconf"));
                        }
                    }
                }
                w.close();
                assertTrue(client.output().contains(expectInOutput), client.output());
            }
        }
        return out;
    }

    @ParameterizedTest(name = "gnutls-cli, our server, {0}")
    @EnumSource(Tls12CipherSuite.class)
    void ourServerEverySuite(Tls12CipherSuite suite) throws Exception {
        TlsConfig s = Pair.only12(Pair.server(Pair.keyFor(suite)), Tls12Options.defaults().withCipherSuites(suite));
        List<Tls12Negotiated> n = serve(s, List.of(), 1, "Handshake was completed");
        assertEquals(suite, n.get(0).cipherSuite());
        assertTrue(n.get(0).extendedMasterSecret());
    }

    @Test
    void ourServerWithClientAuthentication() throws Exception {
        TestPki.PemFiles clientFiles = Pair.pki().clientChain(KeyType.EC_P256).writeTo(dir.resolve("client"));
        TlsConfig s = Pair.only12(Pair.server(KeyType.RSA_2048).clientAuth(ClientAuth.REQUIRE)
                .trustAnchors(Pair.pki().clientChain(KeyType.EC_P256).trustAnchors()), Tls12Options.defaults());
        List<Tls12Negotiated> n = serve(s, List.of("--x509certfile=" + clientFiles.chain(),
                "--x509keyfile=" + clientFiles.leafKey()), 1, "Handshake was completed");
        assertTrue(n.get(0).clientAuthenticated());
    }

    @ParameterizedTest(name = "gnutls-cli --resume, our server, tickets {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void ourServerResumes(boolean tickets) throws Exception {
        Tls12Options o = tickets ? Tls12Options.defaults()
                : Tls12Options.defaults().withIssueTickets(false).withServerSessions(new Tls12SessionCache());
        TlsConfig s = Pair.only12(Pair.server(KeyType.EC_P256), o);
        List<Tls12Negotiated> n = serve(s, List.of("--resume"), 2, "This is a resumed session");
        assertFalse(n.get(0).resumed());
        assertTrue(n.get(1).resumed());
        assertEquals(tickets, n.get(1).resumedByTicket());
    }
}
