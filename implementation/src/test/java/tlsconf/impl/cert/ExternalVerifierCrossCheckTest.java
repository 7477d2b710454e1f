package tlsconf.impl.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tlsconf.model.vocabulary.Role;

/**
 * Independent implementations judge the same PEM files our validator judges: OpenSSL 3.0's {@code openssl verify}
 * (at the fixed validation time, {@code -attime}) and GnuTLS 3.7's {@code certtool --verify} (which has no
 * validation-time option, so it gets a PKI issued around the wall clock). Each must accept the good chains and
 * reject every defect, except for the leniencies listed here with their reason: those are asserted too, so that a
 * change in the peer's behaviour is noticed.
 */
class ExternalVerifierCrossCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Defects {@code openssl verify} accepts, and why. */
    private static final Map<CertificateDefect, String> OPENSSL_ACCEPTS = Map.of(
            CertificateDefect.LEAF_MISSING_DIGITAL_SIGNATURE,
            "OpenSSL's sslserver/sslclient purposes accept keyAgreement or keyEncipherment alone (TLS 1.2 key"
                    + " exchange); RFC 8446 §4.4.2.2 requires digitalSignature",
            CertificateDefect.TRAILING_GARBAGE,
            "d2i_X509 ignores bytes after the certificate inside a PEM block; OpenSSL's TLS Certificate parser does"
                    + " check the length, which this file-level check cannot show");
    /** Defects {@code certtool --verify} accepts, and why. */
    private static final Map<CertificateDefect, String> GNUTLS_ACCEPTS = Map.of(
            CertificateDefect.LEAF_MISSING_DIGITAL_SIGNATURE,
            "certtool checks the purpose OID but not the leaf's key usage bits");

    static Stream<Arguments> defects() {
        List<Arguments> out = new ArrayList<>();
        for (CertificateDefect d : CertificateDefect.values()) {
            for (Role r : Role.values()) {
                if (d.appliesTo(r) && d != CertificateDefect.EMPTY_CERTIFICATE_LIST) {
                    out.add(Arguments.of(d, r));
                }
            }
        }
        return out.stream();
    }

    // ---- OpenSSL ----

    private static List<String> opensslVerify(TestPki.PemFiles f, Role role, String peerName) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("openssl", "verify",
                "-attime", Long.toString(Fixtures.NOW.getEpochSecond()),
                "-auth_level", "2", // 112-bit security: refuses RSA-1024, SHA-1 and MD5
                "-x509_strict",
                "-purpose", role == Role.SERVER ? "sslserver" : "sslclient",
                "-CAfile", f.roots().toString()));
        if (role == Role.SERVER) {
            cmd.addAll(ServerNameMatcher.isIpLiteral(peerName) ? List.of("-verify_ip", peerName)
                    : List.of("-verify_hostname", peerName));
        }
        if (Files.size(f.intermediates()) > 0) {
            cmd.addAll(List.of("-untrusted", f.intermediates().toString()));
        }
        cmd.add(f.leafCertificate().toString());
        return cmd;
    }

    @ParameterizedTest(name = "openssl verify: {0} presented by {1}")
    @MethodSource("defects")
    void opensslAgreesOnDefects(CertificateDefect defect, Role role, @TempDir Path dir) throws Exception {
        assumeTrue(ExternalTool.installed("openssl"), "openssl is not installed: cross-check skipped");
        DefectiveChain bad = Fixtures.PKI.defective(defect, role);
        List<String> cmd = opensslVerify(bad.writeTo(dir), role, bad.peerName());
        ExternalTool.Result r = ExternalTool.run(cmd, TIMEOUT);
        boolean accepts = OPENSSL_ACCEPTS.containsKey(defect);
        assertEquals(accepts, r.exitCode() == 0, (accepts ? "known leniency no longer seen: " + OPENSSL_ACCEPTS.get(defect)
                : "openssl accepted " + defect) + "\n" + String.join(" ", cmd) + "\n" + r.output());
    }

    @ParameterizedTest(name = "openssl verify: good {0} chains")
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "RSA_PSS_2048", "ED25519"})
    void opensslAcceptsGoodChains(KeyType type, @TempDir Path dir) throws Exception {
        assumeTrue(ExternalTool.installed("openssl"), "openssl is not installed: cross-check skipped");
        for (Role role : Role.values()) {
            TestPki.Chain chain = Fixtures.PKI.chain(type, role);
            List<String> cmd = opensslVerify(chain.writeTo(dir.resolve(role.cliName())), role, "localhost");
            ExternalTool.Result r = ExternalTool.run(cmd, TIMEOUT);
            assertEquals(0, r.exitCode(), String.join(" ", cmd) + "\n" + r.output());
        }
        for (String ip : List.of("127.0.0.1", "::1")) {
            List<String> cmd = opensslVerify(Fixtures.PKI.serverChain(type).writeTo(dir.resolve("ip")), Role.SERVER, ip);
            assertEquals(0, ExternalTool.run(cmd, TIMEOUT).exitCode(), String.join(" ", cmd));
        }
    }

    // ---- GnuTLS ----

    /** certtool verifies at the wall clock: a PKI issued now. */
    private static final TestPki NOW_PKI = TestPki.shared();

    private static List<String> certtoolVerify(TestPki.PemFiles f, Role role, String peerName) {
        List<String> cmd = new ArrayList<>(List.of("certtool", "--verify",
                "--verify-profile=medium", // 112-bit security, as -auth_level 2 above
                "--load-ca-certificate=" + f.roots(),
                "--infile=" + f.chain(),
                "--verify-purpose=" + (role == Role.SERVER ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")));
        if (role == Role.SERVER) {
            cmd.add("--verify-hostname=" + peerName);
        }
        return cmd;
    }

    @ParameterizedTest(name = "certtool --verify: {0} presented by {1}")
    @MethodSource("defects")
    void gnutlsAgreesOnDefects(CertificateDefect defect, Role role, @TempDir Path dir) throws Exception {
        assumeTrue(ExternalTool.installed("certtool"), "certtool (gnutls-bin) is not installed: cross-check skipped");
        DefectiveChain bad = NOW_PKI.defective(defect, role);
        List<String> cmd = certtoolVerify(bad.writeTo(dir), role, bad.peerName());
        ExternalTool.Result r = ExternalTool.run(cmd, TIMEOUT);
        boolean verified = r.exitCode() == 0 && r.output().contains("Chain verification output: Verified.");
        boolean accepts = GNUTLS_ACCEPTS.containsKey(defect);
        assertEquals(accepts, verified, (accepts ? "known leniency no longer seen: " + GNUTLS_ACCEPTS.get(defect)
                : "certtool accepted " + defect) + "\n" + String.join(" ", cmd) + "\n" + r.output());
    }

    @ParameterizedTest(name = "certtool --verify: good {0} chains")
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "RSA_PSS_2048", "ED25519"})
    void gnutlsAcceptsGoodChains(KeyType type, @TempDir Path dir) throws Exception {
        assumeTrue(ExternalTool.installed("certtool"), "certtool (gnutls-bin) is not installed: cross-check skipped");
        for (Role role : Role.values()) {
            List<String> cmd = certtoolVerify(NOW_PKI.chain(type, role).writeTo(dir.resolve(role.cliName())), role,
                    "localhost");
            ExternalTool.Result r = ExternalTool.run(cmd, TIMEOUT);
            assertEquals(0, r.exitCode(), String.join(" ", cmd) + "\n" + r.output());
            assertEquals(true, r.output().contains("Chain verification output: Verified."), r.output());
        }
    }
}
