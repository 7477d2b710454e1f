package tlsconf.conformance.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.EnumSet;
import java.util.Set;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * A TLS server already running at host:port ({@code --server}), or one a preset started. Capabilities are what
 * the user or preset declares; a bare address is assumed to speak both versions and not to request client
 * certificates.
 */
public class ServerAddressTarget implements Target {
    private final String name;
    private final String description;
    private final String host;
    private final int port;
    private final Set<TlsVersion> versions;
    private final Set<Capability> capabilities;
    private final int connectTimeoutMillis;

    public ServerAddressTarget(String name, String description, String host, int port, Set<TlsVersion> versions,
                               Set<Capability> capabilities, int connectTimeoutMillis) {
        this.name = name;
        this.description = description;
        this.host = host;
        this.port = port;
        this.versions = Set.copyOf(versions);
        this.capabilities = Set.copyOf(capabilities);
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** {@code --server HOST:PORT}; a malformed address is a usage error naming it. */
    public static ServerAddressTarget parse(String hostPort, int connectTimeoutMillis) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("--server expects HOST:PORT, not '" + hostPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--server: port '" + hostPort.substring(colon + 1) + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--server: port " + port + " is out of range");
        }
        return new ServerAddressTarget("server", "TLS server at " + hostPort, hostPort.substring(0, colon), port,
                EnumSet.allOf(TlsVersion.class), EnumSet.of(Capability.OBSERVABLE_COMPLETION),
                connectTimeoutMillis);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Role role() {
        return Role.SERVER;
    }

    @Override
    public Set<TlsVersion> versions() {
        return versions;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public void start() {
        try {
            // Reachable: the probe connection is closed again at once.
            connect().close();
        } catch (IOException e) {
            throw new TargetSetupException("cannot connect to " + host + ":" + port + ": " + e.getMessage());
        }
    }

    @Override
    public Connection open(Scenario scenario) {
        try {
            return new SocketConnection(connect());
        } catch (IOException e) {
            throw new TargetSetupException("lost the target at " + host + ":" + port + ": " + e.getMessage());
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoLinger(true, 0);
        try {
            s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    @Override
    public void close() {
        // Nothing was started.
    }
}
