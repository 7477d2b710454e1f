package tlsconf.interop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import tlsconf.model.vocabulary.Role;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerPreset;
import tlsconf.peers.Presets;
import tlsconf.peers.ServerPeer;

/**
 * One started server peer per configuration for a test class: the first test that needs a configuration starts
 * it, the others reuse it, {@link #close()} (from {@code @AfterAll}) ends them all.
 */
final class ServerPool implements AutoCloseable {

    /** Peers that must be installed: a missing one fails instead of skipping. */
    static final List<String> REQUIRED = Arrays.stream(System.getProperty("tlsconf.peers.required", "").split(","))
            .map(String::strip).filter(x -> !x.isEmpty()).toList();

    private final Path dir;
    private final Map<String, ServerPeer> servers = new LinkedHashMap<>();

    ServerPool(Path dir) {
        this.dir = dir;
    }

    /**
     * The server for ({@code peer}, {@code label}), started with {@code config} if not running yet. Skips the test
     * (with the reason) when the peer is not installed or cannot take the configuration.
     */
    synchronized ServerPeer server(String peer, String label, PeerConfig config) {
        PeerPreset preset = preset(peer, Role.SERVER, config);
        String key = peer + " / " + label;
        ServerPeer running = servers.get(key);
        if (running != null && running.isAlive()) {
            return running;
        }
        if (running != null) {
            throw new IllegalStateException(key + " died: " + running.output().lastLinesInline(6));
        }
        ServerPeer started = preset.startServer(config, dir);
        servers.put(key, started);
        return started;
    }

    /** The preset named {@code peer}, or a skipped test naming what is missing. */
    static PeerPreset preset(String peer, Role role, PeerConfig config) {
        PeerPreset preset = Presets.byName(peer).orElseThrow(() -> new IllegalArgumentException("no preset " + peer));
        if (!preset.installed()) {
            String reason = peer + " is not installed (apt-get install -y " + switch (peer) {
                case "gnutls" -> "gnutls-bin";
                case "nss" -> "libnss3-tools";
                default -> peer;
            } + ")";
            // CI names the peers it installed (-Dtlsconf.peers.required=openssl,gnutls): missing, they fail.
            assertFalse(REQUIRED.contains(peer), reason + ", but tlsconf.peers.required names it");
            assumeTrue(false, reason);
        }
        preset.capabilities(role).unsupported(config).ifPresent(reason -> assumeTrue(false, reason));
        return preset;
    }

    @Override
    public synchronized void close() {
        servers.values().forEach(ServerPeer::close);
        servers.clear();
    }
}
