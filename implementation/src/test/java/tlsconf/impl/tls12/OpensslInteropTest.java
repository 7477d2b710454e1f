package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsSocket;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;

/** Interop with OpenSSL 3.0 pinned to TLS 1.2: our client against s_server, our server against s_client. */
class OpensslInteropTest {
    @TempDir
    Path dir;

    static String opensslName(Tls12CipherSuite s) {
        switch (s) {
            case TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: return "ECDHE-ECDSA-AES128-GCM-SHA256";
            case TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: return "ECDHE-RSA-AES128-GCM-SHA256";
            case TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: return "ECDHE-ECDSA-AES256-GCM-SHA384";
            case TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: return "ECDHE-RSA-AES256-GCM-SHA384";
            case TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: return "ECDHE-ECDSA-CHACHA20-POLY1305";
            case TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: return "ECDHE-RSA-CHACHA20-POLY1305";
            case TLS_RSA_WITH_AES_128_GCM_SHA256: return "AES128-GCM-SHA256";
            default: throw new IllegalArgumentException(s.name());
        }
    }

    private PeerProcess sServer(Tls12CipherSuite suite, List<String> extra) throws Exception {
        TestPki.PemFiles f = Pair.pki().serverChain(Pair.keyFor(suite)).writeTo(dir.resolve("server"));
        int port = PeerProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-tls1_2",
                "-cert", f.leafCertificate().toString(), "-key", f.leafKey().toString(), "-cert_chain",
                f.intermediates().toString(), "-cipher", opensslName(suite), "-www"));
        cmd.addAll(extra);
        return PeerProcess.server(cmd, dir, port);
    }

    /** GET / over our client; returns the response (s_server -www answers with an HTML status page). */
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

    /** Our client, speaking only TLS 1.2 ({@code c} from {@link Pair#only12}), handshake done. */
    private static TlsSocket connect(int port, TlsConfig c) throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        TlsSocket tls = TlsSocket.client(s, c);
        tls.handshake();
        return tls;
    }

    @ParameterizedTest(name = "our client, s_server, {0}")
    @EnumSource(Tls12CipherSuite.class)
    void ourClientEverySuite(Tls12CipherSuite suite) throws Exception {
        try (PeerProcess server = sServer(suite, List.of())) {
            TlsConfig c = Pair.only12(Pair.client(Pair.keyFor(suite)), Tls12Options.defaults().withCipherSuites(suite));
            try (TlsSocket tls = connect(server.port, c)) {
                assertEquals(suite, tls.engine().tls12Negotiated().cipherSuite());
                assertTrue(tls.engine().tls12Negotiated().extendedMasterSecret());
                String page = get(tls);
                assertTrue(page.contains("200 ok") || page.contains("200 OK"), page);
                assertTrue(page.contains(opensslName(suite)), page);
            }
        }
    }

    @ParameterizedTest(name = "our client, s_server, ECDHE group {0}")
    @EnumSource(NamedGroup.class)
    void ourClientEveryGroup(NamedGroup group) throws Exception {
        Tls12CipherSuite suite = Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        try (PeerProcess server = sServer(suite, List.of())) {
            // RFC 8422 §5.1: an ECDSA server certificate's curve must be one the client lists, so P-256 comes second.
            TlsConfig c = Pair.only12(group == NamedGroup.SECP256R1 ? Pair.client(KeyType.EC_P256).groups(group)
                    : Pair.client(KeyType.EC_P256).groups(group, NamedGroup.SECP256R1),
                    Tls12Options.defaults().withCipherSuites(suite));
            try (TlsSocket tls = connect(server.port, c)) {
                assertEquals(group, tls.engine().tls12Negotiated().group());
                assertTrue(get(tls).contains("200"));
            }
        }
    }

    @Test
    void ourClientAuthenticates() throws Exception {
        TestPki.PemFiles clientFiles = Pair.pki().clientChain(KeyType.EC_P256).writeTo(dir.resolve("client"));
        Tls12CipherSuite suite = Tls12CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
        try (PeerProcess server = sServer(suite, List.of("-Verify", "3", "-verify_return_error", "-CAfile",
                clientFiles.roots().toString()))) {
            TlsConfig c = Pair.only12(Pair.client(KeyType.RSA_2048)
                    .credentials(Pair.pki().clientChain(KeyType.EC_P256).credentials()), Tls12Options.defaults());
            try (TlsSocket tls = connect(server.port, c)) {
                assertTrue(get(tls).contains("200"));
            }
            assertTrue(server.output().contains("depth=0") || server.output().contains("verify"),
                    server.output());
        }
    }

    @ParameterizedTest(name = "our client resumes with s_server, tickets {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void ourClientResumes(boolean tickets) throws Exception {
        Tls12CipherSuite suite = Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384;
        try (PeerProcess server = sServer(suite, tickets ? List.of() : List.of("-no_ticket"))) {
            Tls12Options o = Tls12Options.defaults().withClientSessions(Tls12SessionStore.inMemory());
            TlsConfig c = Pair.only12(Pair.client(KeyType.EC_P256), o);
            try (TlsSocket tls = connect(server.port, c)) {
                assertFalse(tls.engine().tls12Negotiated().resumed());
                assertTrue(get(tls).contains("200"));
            }
            try (TlsSocket tls = connect(server.port, c)) {
                assertTrue(tls.engine().tls12Negotiated().resumed());
                assertEquals(tickets, tls.engine().tls12Negotiated().resumedByTicket());
                String page = get(tls);
                assertTrue(page.contains("Reused"), page);
            }
        }
    }

    @Test
    void keyLogLineMatchesOpenssls() throws Exception {
        Path keylog = dir.resolve("openssl.keylog");
        Tls12CipherSuite suite = Tls12CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;
        try (PeerProcess server = sServer(suite, List.of("-keylogfile", keylog.toString()))) {
            List<String> ours = new ArrayList<>();
            TlsConfig c = Pair.only12(Pair.client(KeyType.RSA_2048)
                    .keyLog((l, r, k) -> ours.add(tlsconf.impl.KeyLogWriter.line(l, r, k))),
                    Tls12Options.defaults().withCipherSuites(suite));
            try (TlsSocket tls = connect(server.port, c)) {
                assertTrue(get(tls).contains("200"));
            }
            assertEquals(1, ours.size());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> Files.exists(keylog) && Files.readString(keylog).contains("CLIENT_RANDOM"));
            assertTrue(Files.readAllLines(keylog).contains(ours.get(0)), Files.readString(keylog) + " vs " + ours);
        }
    }

    // --- our server, openssl s_client ---

    /** Our server ({@code s} from {@link Pair#only12}) for one s_client connection. */
    private Tls12Negotiated serve(TlsConfig s, List<String> clientArgs, String expectInOutput) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(15_000);
            TestPki.PemFiles roots = Pair.pki().serverChain(KeyType.EC_P256).writeTo(dir.resolve("roots"));
            List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                    "127.0.0.1:" + listener.getLocalPort(), "-tls1_2", "-servername", "localhost", "-CAfile",
                    Pair.pki().roots().isEmpty() ? roots.roots().toString() : allRoots().toString(),
                    "-verify_return_error", "-verify_hostname", "localhost", "-ign_eof"));
            cmd.addAll(clientArgs);
            Path input = dir.resolve("input.txt");
            Files.writeString(input, "hello from s_client\n");
            try (PeerProcess client = PeerProcess.start(cmd, dir, 0, true)) {
                try (var w = client.process.getOutputStream()) {
                    w.write("hello from s_client\n".getBytes(StandardCharsets.US_ASCII));
                    w.flush();
                    Socket sock = listener.accept();
                    sock.setSoTimeout(10_000);
                    try (TlsSocket tls = TlsSocket.server(sock, s)) {
                        tls.handshake();
                        byte[] b = new byte[100];
                        int n = tls.getInputStream().read(b, 0, b.length);
                        assertEquals("hello from s_client\n", new String(b, 0, Math.max(0, n),
                                StandardCharsets.US_ASCII));
                        tls.getOutputStream().write("hello from tlsconf\n".getBytes(StandardCharsets.US_ASCII));
                        Tls12Negotiated n12 = tls.engine().tls12Negotiated();
                        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                                .until(() -> client.output().contains("hello from tlsconf"));
                        assertTrue(client.output().contains(expectInOutput), client.output());
                        return n12;
                    }
                }
            }
        }
    }

    private Path allRoots() throws Exception {
        Path p = dir.resolve("allroots.pem");
        tlsconf.impl.cert.Pem.writeCertificates(p, Pair.pki().roots());
        return p;
    }

    @ParameterizedTest(name = "s_client, our server, {0}")
    @EnumSource(Tls12CipherSuite.class)
    void ourServerEverySuite(Tls12CipherSuite suite) throws Exception {
        TlsConfig s = Pair.only12(Pair.server(Pair.keyFor(suite)), Tls12Options.defaults());
        Tls12Negotiated n = serve(s, List.of("-cipher", opensslName(suite)), opensslName(suite));
        assertEquals(suite, n.cipherSuite());
        assertTrue(n.extendedMasterSecret());
    }

    @Test
    void ourServerWithClientAuthentication() throws Exception {
        TestPki.PemFiles clientFiles = Pair.pki().clientChain(KeyType.RSA_2048).writeTo(dir.resolve("client"));
        TlsConfig s = Pair.only12(Pair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUIRE)
                .trustAnchors(Pair.pki().clientChain(KeyType.RSA_2048).trustAnchors()), Tls12Options.defaults());
        Tls12Negotiated n = serve(s, List.of("-cert", clientFiles.leafCertificate().toString(),
                "-key", clientFiles.leafKey().toString(), "-cert_chain", clientFiles.intermediates().toString()),
                "TLSv1.2");
        assertTrue(n.clientAuthenticated());
    }

    @Test
    void ourServerResumesOpensslSession(@TempDir Path sess) throws Exception {
        Tls12SessionCache cache = new Tls12SessionCache();
        Tls12Options o = Tls12Options.defaults().withServerSessions(cache).withIssueTickets(false);
        TlsConfig s = Pair.only12(Pair.server(KeyType.EC_P256), o);
        Path file = sess.resolve("s.pem");
        Tls12Negotiated first = serve(s, List.of("-sess_out", file.toString()), "TLSv1.2");
        assertFalse(first.resumed());
        Tls12Negotiated second = serve(s, List.of("-sess_in", file.toString()), "Reused");
        assertTrue(second.resumed());
        assertNotNull(second.cipherSuite());
    }

    @Test
    void ourServerResumesOpensslTicket(@TempDir Path sess) throws Exception {
        TlsConfig s = Pair.only12(Pair.server(KeyType.RSA_2048), Tls12Options.defaults());
        Path file = sess.resolve("t.pem");
        Tls12Negotiated first = serve(s, List.of("-sess_out", file.toString()), "TLSv1.2");
        assertFalse(first.resumed());
        Tls12Negotiated second = serve(s, List.of("-sess_in", file.toString()), "Reused");
        assertTrue(second.resumedByTicket());
    }

}
