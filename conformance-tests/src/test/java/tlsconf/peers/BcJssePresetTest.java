package tlsconf.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The BCJSSE preset against the JDK's own TLS in both directions and both versions: each side verifies the other's
 * chain, the line sent comes back, and the BCJSSE side reports the version it negotiated.
 */
@Timeout(30)
class BcJssePresetTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final TestPki.Chain chain = TestPki.shared().serverChain(KeyType.EC_P256);

    private PeerConfig server(TlsVersion v) {
        return PeerConfig.builder().version(v).credentials(new PeerCredentials(chain.certificates(), chain.leafKey()))
                .build();
    }

    private PeerConfig client(TlsVersion v, String line) {
        return PeerConfig.builder().version(v).trustAnchors(chain.trustAnchors()).request(line + "\n").build();
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void jsseClientAgainstBcjsseServer(TlsVersion v) {
        try (ServerPeer bc = Presets.bcjsse().startServer(server(v), dir);
             RunningPeer jsse = Presets.jsse().startClient(client(v, "ping bcjsse"), bc.port(), dir)) {
            jsse.awaitOutput(Pattern.compile("^RECEIVED: ping bcjsse$"), WAIT);
            bc.awaitOutput(Pattern.compile("^RECEIVED: ping bcjsse$"), WAIT);
            assertEquals(v, Presets.bcjsse().report(Role.SERVER, bc.output().text()).version().orElseThrow());
            assertTrue(bc.name().startsWith("bcjsse server"), bc.name());
        }
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void bcjsseClientAgainstJsseServer(TlsVersion v) {
        try (ServerPeer jsse = Presets.jsse().startServer(server(v), dir);
             RunningPeer bc = Presets.bcjsse().startClient(client(v, "ping jsse"), jsse.port(), dir)) {
            bc.awaitOutput(Pattern.compile("^RECEIVED: ping jsse$"), WAIT);
            assertEquals(v, Presets.bcjsse().report(Role.CLIENT, bc.output().text()).version().orElseThrow());
            assertEquals(true, Presets.bcjsse().report(Role.CLIENT, bc.output().text()).verified().orElseThrow());
        }
    }
}
