package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.EnumSet;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.run.Runner;
import tlsconf.conformance.run.ScenarioOutcome;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.setup.Harnesses;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.conformance.verdict.Observation;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * A TLS 1.3 server that answers and then closes its SSLSocket the JDK way (SunJSSE's duplex close sends warning
 * user_canceled before close_notify, even after a completed handshake) has completed the handshake: the peer must
 * not read that warning as a refusal. This was the JSSE preset's flake (page and alerts arriving in one read).
 */
class UserCanceledCloseTest {
    private static final int CONNECTIONS = 8;

    @Test
    void userCanceledAfterTheAnswerIsAClose() throws Exception {
        TestPki.Chain chain = TestPki.shared().serverChain(KeyType.EC_P256);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "t".toCharArray();
        ks.setKeyEntry("k", chain.leafKey(), pw, chain.certificates().toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS", "SunJSSE");
        ctx.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket listener = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            listener.setEnabledProtocols(new String[] {"TLSv1.3"});
            Thread server = new Thread(() -> serve(listener), "user-canceled-server");
            server.setDaemon(true);
            server.start();
            RunOptions options = RunOptions.defaults(1);
            TargetSpec spec = new TargetSpec(null, null, "127.0.0.1:" + listener.getLocalPort(), null);
            Harness h = Harnesses.create(spec, EnumSet.of(Role.SERVER), options).get(0);
            h.target().start();
            try {
                Runner runner = new Runner(List.of(), options, KnownDeviations.none());
                Scenario valid = new Scenario("test", 0, TlsVersion.TLS_1_3, Role.SERVER, List.of(), List.of(),
                        new Expectation.Accept("2"));
                // Several connections: whether the page and the alerts share one read varies from run to run.
                for (int i = 0; i < CONNECTIONS - 1; i++) {
                    ScenarioOutcome o = runner.play(h, valid);
                    String trace = String.join("\n", o.play().trace());
                    assertInstanceOf(Observation.Completed.class, o.play().observation(), trace);
                    assertTrue(o.passed(), trace);
                }
            } finally {
                h.target().close();
            }
        }
    }

    /** Answers each connection's request with a page, then closes the socket (user_canceled + close_notify). */
    private static void serve(SSLServerSocket listener) {
        for (int i = 0; i < CONNECTIONS; i++) {
            try (SSLSocket s = (SSLSocket) listener.accept()) {
                s.setSoTimeout(5_000);
                InputStream in = s.getInputStream();
                byte[] buf = new byte[256];
                int n = in.read(buf);
                if (n > 0) {
                    s.getOutputStream().write("HTTP/1.0 200 ok\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                }
            } catch (IOException e) {
                // The probe connection and refused handshakes end here; the test judges the scenarios.
            }
        }
    }
}
