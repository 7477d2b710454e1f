package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
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
import tlsconf.impl.CipherSuite;
import tlsconf.impl.Negotiated;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.TlsSocket;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * TLS 1.2 through the version-neutral API ({@link TlsEngine}, {@link TlsSocket}): one endpoint serving both versions,
 * the RFC 8446 §4.1.3 sentinel between them, and the same sockets against OpenSSL.
 */
class EngineIntegrationTest {
    private static final TlsVersion V12 = TlsVersion.TLS_1_2;
    private static final TlsVersion V13 = TlsVersion.TLS_1_3;

    @TempDir
    Path dir;

    private static Negotiated[] run(TlsConfig c, TlsConfig s) throws TlsAlertException {
        TlsEngine client = TlsEngine.create(c);
        TlsEngine server = TlsEngine.create(s);
        for (int i = 0; i < 20; i++) {
            byte[] a = client.takeOutgoing();
            if (a.length > 0) {
                server.feed(a);
            }
            byte[] b = server.takeOutgoing();
            if (b.length > 0) {
                client.feed(b);
            }
            if (a.length == 0 && b.length == 0) {
                break;
            }
        }
        client.write("over the engine".getBytes(StandardCharsets.US_ASCII));
        server.feed(client.takeOutgoing());
        assertEquals("over the engine", new String(server.read(), StandardCharsets.US_ASCII));
        return new Negotiated[] {client.negotiated(), server.negotiated()};
    }

    @Test
    void bothVersionsMeetEachOtherInEveryCombination() throws Exception {
        TlsVersion[][] offers = {{V12}, {V13}, {V13, V12}};
        for (TlsVersion[] c : offers) {
            for (TlsVersion[] s : offers) {
                boolean common12 = List.of(c).contains(V12) && List.of(s).contains(V12);
                boolean common13 = List.of(c).contains(V13) && List.of(s).contains(V13);
                if (!common12 && !common13) {
                    continue;
                }
                Negotiated[] n = run(Pair.client(KeyType.EC_P256).versions(c).build(),
                        Pair.server(KeyType.EC_P256).versions(s).build());
                TlsVersion expected = common13 ? V13 : V12;
                assertEquals(expected, n[0].version(), List.of(c) + " vs " + List.of(s));
                assertEquals(expected, n[1].version());
                assertEquals(n[0].cipherSuite(), n[1].cipherSuite());
                assertEquals(expected, n[0].cipherSuite().version());
            }
        }
    }

    @Test
    void tls12SuitesAreChosenThroughTheConfig() throws Exception {
        Negotiated[] n = run(Pair.client(KeyType.RSA_2048).versions(V12)
                .cipherSuites(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256).build(),
                Pair.server(KeyType.RSA_2048).versions(V13, V12).build());
        assertEquals(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, n[0].cipherSuite());
        assertEquals(null, n[0].group());
    }

    @Test
    void dualClientDetectsSentinelFromTls13CapableServerSpeaking12() throws Exception {
        TlsEngine client = TlsEngine.create(Pair.client(KeyType.EC_P256).versions(V13, V12).build());
        Tls12Engine server = Tls12Engine.create(Pair.server(KeyType.EC_P256).build(),
                Tls12Options.defaults().withTls13Capable(true));
        server.feed(client.takeOutgoing());
        TlsAlertException e = org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> client.feed(server.takeOutgoing()));
        assertEquals(Violation.DOWNGRADE_DETECTED, e.violation());
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, client.failure().description());
    }

    @Test
    void dualClientSocketAgainstOpensslPinnedTo12() throws Exception {
        TestPki.PemFiles f = Pair.pki().serverChain(KeyType.RSA_2048).writeTo(dir.resolve("s"));
        int port = PeerProcess.freePort();
        try (PeerProcess server = PeerProcess.server(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-tls1_2", "-cert", f.leafCertificate().toString(), "-key", f.leafKey().toString(), "-cert_chain",
                f.intermediates().toString(), "-cipher", "AES128-GCM-SHA256", "-www"), dir, port)) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            try (TlsSocket tls = TlsSocket.client(s, Pair.client(KeyType.RSA_2048).versions(V13, V12).build())) {
                tls.handshake();
                assertEquals(V12, tls.negotiated().version());
                assertEquals(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, tls.negotiated().cipherSuite());
                tls.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = tls.getInputStream();
                byte[] b = in.readNBytes(15);
                assertEquals("HTTP/1.0 200 ok", new String(b, StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void dualServerSocketAnswersOpensslClientsOfEitherVersion() throws Exception {
        java.nio.file.Path roots = dir.resolve("roots.pem");
        tlsconf.impl.cert.Pem.writeCertificates(roots, Pair.pki().roots());
        TlsConfig config = Pair.server(KeyType.EC_P256).versions(V13, V12).build();
        for (String flag : List.of("-tls1_2", "-tls1_3")) {
            try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                listener.setSoTimeout(15_000);
                try (PeerProcess client = PeerProcess.start(List.of("openssl", "s_client", "-connect",
                        "127.0.0.1:" + listener.getLocalPort(), flag, "-CAfile", roots.toString(), "-servername",
                        "localhost", "-verify_return_error", "-ign_eof"), dir, 0, true)) {
                    client.process.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
                    client.process.getOutputStream().flush();
                    Socket sock = listener.accept();
                    sock.setSoTimeout(10_000);
                    try (TlsSocket tls = TlsSocket.server(sock, config)) {
                        tls.handshake();
                        assertEquals(flag.equals("-tls1_2") ? V12 : V13, tls.negotiated().version());
                        byte[] b = tls.getInputStream().readNBytes(5);
                        assertEquals("ping\n", new String(b, StandardCharsets.US_ASCII));
                        tls.getOutputStream().write("pong\n".getBytes(StandardCharsets.US_ASCII));
                        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.output().contains("pong"));
                    }
                }
            }
        }
    }

    @Test
    void keyLogOfA12ConnectionThroughTheConfig() throws Exception {
        List<String> lines = new ArrayList<>();
        run(Pair.client(KeyType.EC_P256).versions(V12)
                .keyLog((l, r, k) -> lines.add(tlsconf.impl.KeyLogWriter.line(l, r, k))).build(),
                Pair.server(KeyType.EC_P256).versions(V12).build());
        assertEquals(1, lines.size());
        assertNotNull(lines.get(0));
        assertTrue(lines.get(0).startsWith("CLIENT_RANDOM "));
    }
}
