package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlsconf.impl.TlsSocket;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.AlertDescription;

/**
 * RFC 8446 §4.1.3 against OpenSSL 3.0: a TLS 1.3-capable s_server that is made to speak TLS 1.2 (our client offers
 * only 1.2) sets the sentinel and our TLS 1.3-capable client refuses it; our TLS 1.3-capable server speaking 1.2 sets
 * the sentinel and s_client (which offered 1.3 too) refuses it. Without the 1.3 capability on our side, the same
 * peers complete.
 */
class DowngradeSentinelInteropTest {
    @TempDir
    Path dir;

    @Test
    void ourClientDetectsOpensslSentinel() throws Exception {
        TestPki.PemFiles f = Pair.pki().serverChain(KeyType.EC_P256).writeTo(dir.resolve("s"));
        int port = PeerProcess.freePort();
        try (PeerProcess server = PeerProcess.server(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", f.leafCertificate().toString(), "-key", f.leafKey().toString(), "-cert_chain",
                f.intermediates().toString(), "-www"), dir, port)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.setSoTimeout(10_000);
                TlsSocket tls = TlsSocket.client(s, Pair.only12(Pair.client(KeyType.EC_P256),
                        Tls12Options.defaults().withTls13Capable(true)));
                TlsAlertException e = assertThrows(TlsAlertException.class, tls::handshake);
                assertEquals(Violation.DOWNGRADE_DETECTED, e.violation());
                assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.description());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.setSoTimeout(10_000);
                TlsSocket tls = TlsSocket.client(s, Pair.only12(Pair.client(KeyType.EC_P256), Tls12Options.defaults()));
                tls.handshake();
                assertTrue(tls.engine().isHandshakeComplete());
                tls.close();
            }
        }
    }

    @Test
    void opensslClientDetectsOurSentinel() throws Exception {
        java.nio.file.Path roots = dir.resolve("roots.pem");
        tlsconf.impl.cert.Pem.writeCertificates(roots, Pair.pki().roots());
        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(15_000);
            try (PeerProcess client = PeerProcess.start(List.of("openssl", "s_client", "-connect",
                    "127.0.0.1:" + listener.getLocalPort(), "-CAfile", roots.toString(), "-servername", "localhost"),
                    dir, 0, false)) {
                try (Socket sock = listener.accept()) {
                    sock.setSoTimeout(10_000);
                    TlsSocket tls = TlsSocket.server(sock, Pair.only12(Pair.server(KeyType.EC_P256),
                            Tls12Options.defaults().withTls13Capable(true)));
                    TlsAlertException e = assertThrows(TlsAlertException.class, tls::handshake);
                    assertTrue(!e.sentByUs(), e.getMessage());
                    assertEquals(AlertDescription.ILLEGAL_PARAMETER, e.description(), e.getMessage());
                }
                assertTrue(client.waitFor(Duration.ofSeconds(10)) != 0);
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> client.output().contains("downgrade")
                        || client.output().contains("inappropriate fallback") || client.output().contains("alert"));
            }
        }
    }
}
