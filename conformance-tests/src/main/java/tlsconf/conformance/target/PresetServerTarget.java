package tlsconf.conformance.target;

import java.nio.file.Path;
import java.util.Set;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerException;
import tlsconf.peers.PeerPreset;
import tlsconf.peers.ServerPeer;

/**
 * A preset server (openssl s_server, gnutls-serv, an in-process JSSE server) started once for a run by the
 * tlsconf.peers launchers and tested over loopback sockets, one connection per scenario.
 */
public final class PresetServerTarget implements Target {
    private final PeerPreset preset;
    private final PeerConfig config;
    private final Path workDir;
    private final Set<Capability> capabilities;
    private final int connectTimeoutMillis;
    private ServerPeer server;
    private ServerAddressTarget address;

    public PresetServerTarget(PeerPreset preset, PeerConfig config, Path workDir, Set<Capability> capabilities,
                              int connectTimeoutMillis) {
        this.preset = preset;
        this.config = config;
        this.workDir = workDir;
        this.capabilities = Set.copyOf(capabilities);
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public String name() {
        return preset.name();
    }

    @Override
    public String description() {
        return (server != null ? server.name() : preset.name() + " server") + " TLS " + config.version().label()
                + " (" + preset.version() + ")";
    }

    @Override
    public Role role() {
        return Role.SERVER;
    }

    @Override
    public Set<TlsVersion> versions() {
        return Set.of(config.version());
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
        try {
            server = preset.startServer(config, workDir);
        } catch (PeerException | IllegalArgumentException e) {
            throw new TargetSetupException(e.getMessage(), e);
        }
        address = new ServerAddressTarget(preset.name(), server.name(), "127.0.0.1", server.port(), versions(),
                capabilities, connectTimeoutMillis);
    }

    @Override
    public Connection open(Scenario scenario) {
        if (server == null) {
            throw new TargetSetupException(preset.name() + " server was not started");
        }
        if (!server.isAlive()) {
            throw new TargetSetupException(server.name() + " exited: " + server.output().lastLinesInline(3));
        }
        return address.open(scenario);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
