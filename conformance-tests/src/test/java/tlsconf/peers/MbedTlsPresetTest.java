package tlsconf.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The mbed TLS preset (tlsconf's C peer on Debian's libmbedtls 2.28, compiled on first use; TLS 1.2 only) against the
 * JDK's TLS in both roles, and its client refusing a chain it cannot verify. Skipped without gcc and libmbedtls-dev.
 */
@Timeout(120)
class MbedTlsPresetTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final TestPki pki = TestPki.shared();
    private final TestPki.Chain chain = pki.serverChain(KeyType.EC_P256);

    @BeforeEach
    void mbedtlsBuildable() {
        assumeTrue(Presets.mbedtls().installed(), Presets.mbedtls().missing().orElse(""));
    }

    private PeerConfig server(TlsVersion v) {
        return PeerConfig.builder().version(v).credentials(new PeerCredentials(chain.certificates(), chain.leafKey()))
                .build();
    }

    @Test
    void jsseClientAgainstMbedtlsServer() {
        TlsVersion v = TlsVersion.TLS_1_2;
        PeerConfig client = PeerConfig.builder().version(v).trustAnchors(chain.trustAnchors())
                .request("GET / HTTP/1.0\r\n\r\n").build();
        try (ServerPeer mbed = Presets.mbedtls().startServer(server(v), dir);
             RunningPeer jsse = Presets.jsse().startClient(client, mbed.port(), dir)) {
            jsse.awaitOutput(Pattern.compile("^RECEIVED: handshake complete: TLSv1\\.2 "), WAIT);
            mbed.awaitOutput(Pattern.compile("^answered a request"), WAIT);
            assertEquals(v, Presets.mbedtls().report(Role.SERVER, mbed.output().text()).version().orElseThrow());
        }
    }

    @Test
    void mbedtlsClientAgainstJsseServer() {
        TlsVersion v = TlsVersion.TLS_1_2;
        PeerConfig client = PeerConfig.builder().version(v).trustAnchors(chain.trustAnchors()).build();
        try (ServerPeer jsse = Presets.jsse().startServer(server(v), dir);
             RunningPeer mbed = Presets.mbedtls().startClient(client, jsse.port(), dir)) {
            mbed.awaitOutput(Pattern.compile("^handshake complete: "), WAIT);
            assertEquals(v, Presets.mbedtls().report(Role.CLIENT, mbed.output().text()).version().orElseThrow());
        }
    }

    /** Trusting only the RSA root, the client refuses the server's ECDSA chain and says why. */
    @Test
    void mbedtlsClientRefusesAnUntrustedChain() {
        PeerConfig client = PeerConfig.builder().version(TlsVersion.TLS_1_2)
                .trustAnchors(java.util.List.of(pki.root(KeyType.RSA_2048))).build();
        try (ServerPeer jsse = Presets.jsse().startServer(server(TlsVersion.TLS_1_2), dir);
             RunningPeer mbed = Presets.mbedtls().startClient(client, jsse.port(), dir)) {
            String line = mbed.awaitOutput(Pattern.compile("^handshake (failed|complete)"), WAIT);
            assertTrue(line.startsWith("handshake failed"), line);
            assertTrue(mbed.awaitExit(WAIT) != 0, "exit status");
        }
    }
}
