package tlsconf.impl.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tlsconf.model.vocabulary.Role;

/**
 * The files of {@link TestPki.Chain#writeTo} work as real peers take them: OpenSSL 3.0 s_server/s_client and
 * GnuTLS 3.7 gnutls-serv/gnutls-cli complete TLS 1.3 handshakes with full chain and host name verification, with
 * every key type; client authentication works; and a defective chain is refused by the real client. The PKI is issued
 * around the wall clock because these peers verify at the current time.
 */
class LiveTlsPeersTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final TestPki PKI = TestPki.shared();

    private static List<String> sServer(TestPki.PemFiles f, int port) {
        return new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-tls1_3",
                "-cert", f.leafCertificate().toString(), "-key", f.leafKey().toString(),
                "-cert_chain", f.intermediates().toString(), "-www")); // no -naccept: the readiness probe is a connection
    }

    private static List<String> sClient(TestPki.PemFiles f, int port) {
        return new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_3",
                "-servername", "localhost", "-CAfile", f.roots().toString(), "-verify_return_error",
                "-verify_hostname", "localhost", "-brief"));
    }

    @ParameterizedTest(name = "openssl s_server + s_client, {0}")
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "RSA_PSS_2048", "ED25519"})
    void openssl(KeyType type, @TempDir Path dir) throws Exception {
        assumeTrue(ExternalTool.installed("openssl"), "openssl is not installed: live check skipped");
        TestPki.PemFiles f = PKI.serverChain(type).writeTo(dir);
        int port = LiveServer.freePort();
        try (LiveServer server = LiveServer.start(sServer(f, port), port, dir)) {
            ExternalTool.Result r = ExternalTool.run(sClient(f, port), TIMEOUT);
            assertEquals(0, r.exitCode(), r.output() + "\nserver: " + server.log());
            assertTrue(r.output().contains("Verification: OK") && r.output().contains("TLSv1.3"), r.output());
        }
    }

    @ParameterizedTest(name = "gnutls-serv + gnutls-cli, {0}")
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "RSA_PSS_2048", "ED25519"})
    void gnutls(KeyType type, @TempDir Path dir) throws Exception {
        assumeTrue(ExternalTool.installed("gnutls-serv") && ExternalTool.installed("gnutls-cli"),
                "gnutls-bin is not installed: live check skipped");
        TestPki.PemFiles f = PKI.serverChain(type).writeTo(dir);
        String priority = "--priority=NORMAL:-VERS-ALL:+VERS-TLS1.3";
        int port = LiveServer.freePort();
        // gnutls-serv cannot bind one address; the test only ever connects to 127.0.0.1 (PEERS.md)
        try (LiveServer server = LiveServer.start(List.of("gnutls-serv", "-p", Integer.toString(port), priority,
                "--x509certfile=" + f.chain(), "--x509keyfile=" + f.leafKey()), port, dir)) {
            ExternalTool.Result r = ExternalTool.run(List.of("gnutls-cli", "127.0.0.1", "-p", Integer.toString(port),
                    priority, "--x509cafile=" + f.roots(), "--verify-hostname=localhost",
                    "--sni-hostname=localhost"), TIMEOUT);
            assertEquals(0, r.exitCode(), r.output() + "\nserver: " + server.log());
            assertTrue(r.output().contains("Handshake was completed"), r.output());
        }
    }

    /** Client authentication with the client chain's files: s_server requires and verifies the certificate. */
    @Test
    void opensslClientAuthentication(@TempDir Path dir) throws Exception {
        assumeTrue(ExternalTool.installed("openssl"), "openssl is not installed: live check skipped");
        TestPki.PemFiles server = PKI.serverChain(KeyType.EC_P256).writeTo(dir.resolve("server"));
        TestPki.PemFiles client = PKI.clientChain(KeyType.EC_P256).writeTo(dir.resolve("client"));
        ExternalTool.Result ok = clientAuth(server, client, dir);
        assertEquals(0, ok.exitCode(), ok.output());
        // the -www status page came back over the authenticated connection and saw our certificate
        assertTrue(ok.output().contains("200 ok") && !ok.output().contains("no client certificate available"),
                ok.output());
        TestPki.PemFiles bad = PKI.defective(CertificateDefect.UNKNOWN_CA, Role.CLIENT).writeTo(dir.resolve("bad"));
        ExternalTool.Result rejected = clientAuth(server, bad, dir);
        assertNotEquals(0, rejected.exitCode(), "s_server accepted an untrusted client chain:\n" + rejected.output());
    }

    private static ExternalTool.Result clientAuth(TestPki.PemFiles server, TestPki.PemFiles client, Path dir)
            throws Exception {
        int port = LiveServer.freePort();
        List<String> s = sServer(server, port);
        s.addAll(List.of("-Verify", "3", "-verify_return_error", "-CAfile", client.roots().toString()));
        Path request = Files.writeString(dir.resolve("request-" + port), "GET / HTTP/1.0\r\n\r\n");
        try (LiveServer srv = LiveServer.start(s, port, dir)) {
            List<String> c = sClient(server, port);
            c.addAll(List.of("-cert", client.leafCertificate().toString(), "-key", client.leafKey().toString(),
                    "-cert_chain", client.intermediates().toString(), "-ign_eof"));
            return ExternalTool.run(c, TIMEOUT, new File(request.toString()));
        }
    }

    /** A real client refuses our defective server chains, so the files carry the defect to other stacks too. */
    @ParameterizedTest(name = "s_client refuses {0}")
    @EnumSource(value = CertificateDefect.class, names = {"UNKNOWN_CA", "WRONG_HOST_NAME", "EXPIRED", "BAD_SIGNATURE"})
    void opensslClientRefusesDefects(CertificateDefect defect, @TempDir Path dir) throws Exception {
        assumeTrue(ExternalTool.installed("openssl"), "openssl is not installed: live check skipped");
        TestPki.PemFiles f = PKI.defective(defect, Role.SERVER).writeTo(dir);
        int port = LiveServer.freePort();
        try (LiveServer server = LiveServer.start(sServer(f, port), port, dir)) {
            ExternalTool.Result r = ExternalTool.run(sClient(f, port), TIMEOUT);
            assertNotEquals(0, r.exitCode(), "s_client accepted " + defect + ":\n" + r.output());
            assertTrue(r.output().contains("verify error"), r.output());
        }
    }
}
