package tlsconf.conformance.target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerException;
import tlsconf.peers.PeerPreset;
import tlsconf.peers.RunningPeer;

/**
 * A preset client (openssl s_client, gnutls-cli, an in-process JSSE client) started once per scenario by the
 * tlsconf.peers launchers; it connects to a loopback port the suite listens on, and is ended when the scenario
 * ends.
 */
public final class PresetClientTarget implements Target {
    private final PeerPreset preset;
    private final java.util.function.Function<Scenario, PeerConfig> config;
    private final Path workDir;
    private final Set<Capability> capabilities;
    private final Duration acceptTimeout;
    private final TlsVersion version;

    public PresetClientTarget(PeerPreset preset, java.util.function.Function<Scenario, PeerConfig> config,
                              Path workDir, Set<Capability> capabilities, Duration acceptTimeout,
                              TlsVersion version) {
        this.version = version;
        this.preset = preset;
        this.config = config;
        this.workDir = workDir;
        this.capabilities = Set.copyOf(capabilities);
        this.acceptTimeout = acceptTimeout;
    }

    @Override
    public String name() {
        return preset.name();
    }

    @Override
    public String description() {
        return preset.name() + " client TLS " + version.label() + " ("
                + (preset.installed() ? preset.version() : "not installed") + ")";
    }

    @Override
    public Role role() {
        return Role.CLIENT;
    }

    @Override
    public Set<TlsVersion> versions() {
        return Set.of(version);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public void start() {
        if (!preset.installed()) {
            throw new TargetSetupException(preset.name() + " is not installed (see PEERS.md for the package)");
        }
    }

    @Override
    public Connection open(Scenario scenario) {
        RunningPeer client = null;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout((int) acceptTimeout.toMillis());
            client = preset.startClient(config.apply(scenario), listener.getLocalPort(), workDir);
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            RunningPeer started = client;
            return new SocketConnection(socket) {
                @Override
                public void close() {
                    super.close();
                    started.close();
                }

                @Override
                public String targetNote() {
                    return preset.name() + " said: " + started.output().lastLinesInline(2);
                }
            };
        } catch (SocketTimeoutException e) {
            String said = client == null ? "" : ": " + client.output().lastLinesInline(3);
            close(client);
            throw new TargetSetupException(preset.name() + " client did not connect within "
                    + acceptTimeout.toMillis() + " ms" + said);
        } catch (IOException | PeerException | IllegalArgumentException e) {
            close(client);
            throw new TargetSetupException(preset.name() + " client: " + e.getMessage(), e);
        }
    }

    private static void close(RunningPeer client) {
        if (client != null) {
            client.close();
        }
    }

    @Override
    public void close() {
        // Every client ends with its scenario's connection.
    }
}
