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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The wolfSSL preset (tlsconf's C peer on Debian's libwolfssl, compiled on first use) against the JDK's TLS in both
 * roles and versions, and its client refusing a chain it cannot verify. Skipped without gcc and libwolfssl-dev.
 */
@Timeout(120)
class WolfSslPresetTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final TestPki pki = TestPki.shared();
    private final TestPki.Chain chain = pki.serverChain(KeyType.EC_P256);

    @BeforeEach
    void wolfsslBuildable() {
        assumeTrue(Presets.wolfssl().installed(), Presets.wolfssl().missing().orElse(""));
    }

    private PeerConfig server(TlsVersion v) {
        return PeerConfig.builder().version(v).credentials(new PeerCredentials(chain.certificates(), chain.leafKey()))
                .build();
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void jsseClientAgainstWolfsslServer(TlsVersion v) {
        PeerConfig client = PeerConfig.builder().version(v).trustAnchors(chain.trustAnchors())
                .request("GET / HTTP/1.0\r\n\r\n").build();
        try (ServerPeer wolf = Presets.wolfssl().startServer(server(v), dir);
             RunningPeer jsse = Presets.jsse().startClient(client, wolf.port(), dir)) {
            jsse.awaitOutput(Pattern.compile("^RECEIVED: handshake complete: TLSv1\\.[23] "), WAIT);
            wolf.awaitOutput(Pattern.compile("^answered a request"), WAIT);
            assertEquals(v, Presets.wolfssl().report(Role.SERVER, wolf.output().text()).version().orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void wolfsslClientAgainstJsseServer(TlsVersion v) {
        PeerConfig client = PeerConfig.builder().version(v).trustAnchors(chain.trustAnchors()).build();
        try (ServerPeer jsse = Presets.jsse().startServer(server(v), dir);
             RunningPeer wolf = Presets.wolfssl().startClient(client, jsse.port(), dir)) {
            wolf.awaitOutput(Pattern.compile("^handshake complete: "), WAIT);
            assertEquals(v, Presets.wolfssl().report(Role.CLIENT, wolf.output().text()).version().orElseThrow());
        }
    }

    /** Trusting only the RSA root, the client refuses the server's ECDSA chain and says why. */
    @Test
    void wolfsslClientRefusesAnUntrustedChain() {
        PeerConfig client = PeerConfig.builder().version(TlsVersion.TLS_1_3)
                .trustAnchors(java.util.List.of(pki.root(KeyType.RSA_2048))).build();
        try (ServerPeer jsse = Presets.jsse().startServer(server(TlsVersion.TLS_1_3), dir);
             RunningPeer wolf = Presets.wolfssl().startClient(client, jsse.port(), dir)) {
            String line = wolf.awaitOutput(Pattern.compile("^handshake (failed|complete)"), WAIT);
            assertTrue(line.startsWith("handshake failed"), line);
            assertTrue(wolf.awaitExit(WAIT) != 0, "exit status");
        }
    }
}
