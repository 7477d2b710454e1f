package tlsconf.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The Botan preset (TLS 1.2 only) against the JDK's TLS 1.2 in both directions: the TLS 1.3 interop matrix cannot
 * use it, so this is what shows its command lines and report work.
 */
@Timeout(30)
class BotanPresetTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final TestPki.Chain chain = TestPki.shared().serverChain(KeyType.EC_P256);

    @BeforeEach
    void botanInstalled() {
        assumeTrue(Presets.botan().installed(), "botan not installed (apt-get install -y botan)");
    }

    @Test
    void jsseClientAgainstBotanServer() {
        PeerConfig server = PeerConfig.builder().version(TlsVersion.TLS_1_2)
                .credentials(new PeerCredentials(chain.certificates(), chain.leafKey())).build();
        PeerConfig client = PeerConfig.builder().version(TlsVersion.TLS_1_2).trustAnchors(chain.trustAnchors())
                .request("ping botan\n").build();
        try (ServerPeer botan = Presets.botan().startServer(server, dir);
             RunningPeer jsse = Presets.jsse().startClient(client, botan.port(), dir)) {
            jsse.awaitOutput(Pattern.compile("^RECEIVED: ping botan$"), WAIT);
            assertEquals("Protocol version: TLSv1.2", jsse.awaitOutput(Pattern.compile("^Protocol version"), WAIT));
            botan.awaitOutput(Pattern.compile("Handshake complete"), WAIT);
            assertEquals(TlsVersion.TLS_1_2,
                    Presets.botan().report(Role.SERVER, botan.output().text()).version().orElseThrow());
        }
    }

    @Test
    void botanClientAgainstJsseServer() {
        PeerConfig server = PeerConfig.builder().version(TlsVersion.TLS_1_2)
                .credentials(new PeerCredentials(chain.certificates(), chain.leafKey())).build();
        PeerConfig client = PeerConfig.builder().version(TlsVersion.TLS_1_2).trustAnchors(chain.trustAnchors())
                .request("ping jsse\n").build();
        try (ServerPeer jsse = Presets.jsse().startServer(server, dir);
             RunningPeer botan = Presets.botan().startClient(client, jsse.port(), dir)) {
            botan.awaitOutput(Pattern.compile("^ping jsse$"), WAIT);
            PeerReport r = Presets.botan().report(Role.CLIENT, botan.output().text());
            assertEquals(TlsVersion.TLS_1_2, r.version().orElseThrow(), botan.output().text());
            assertEquals(true, r.verified().orElseThrow(), botan.output().text());
        }
    }

    @Test
    void botanRefusesTls13AndClientCertificates() {
        assertEquals(true, Presets.botan().capabilities(Role.SERVER).unsupported(PeerConfig.builder().build())
                .orElseThrow().contains("does not speak TLS 1.3"));
        assertEquals(true, Presets.botan().capabilities(Role.SERVER)
                .unsupported(PeerConfig.builder().version(TlsVersion.TLS_1_2)
                        .clientAuth(ClientAuthMode.REQUEST).build()).isPresent());
    }
}
