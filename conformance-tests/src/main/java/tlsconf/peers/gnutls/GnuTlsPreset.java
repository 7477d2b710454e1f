package tlsconf.peers.gnutls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Binaries;
import tlsconf.peers.Capabilities;
import tlsconf.peers.ClientAuthMode;
import tlsconf.peers.FreePorts;
import tlsconf.peers.Group;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerPreset;
import tlsconf.peers.PeerProcess;
import tlsconf.peers.PeerReport;
import tlsconf.peers.PemFiles;
import tlsconf.peers.ProcessSpec;
import tlsconf.peers.Readiness;
import tlsconf.peers.RunningPeer;
import tlsconf.peers.ServerPeer;
import tlsconf.peers.SigScheme;
import tlsconf.peers.Suite;

/**
 * GnuTLS's {@code gnutls-serv} and {@code gnutls-cli} (tested with 3.7.9, Debian package gnutls-bin).
 *
 * <p>Traps: gnutls-serv has no listen-address option and binds every interface (we only ever connect to it on
 * 127.0.0.1); without {@code --disable-client-cert} it requests a client certificate; a GnuTLS client sends one
 * key share per kind of group (x25519 and secp256r1 both get one), so to force a HelloRetryRequest from our
 * server it is offered [secp384r1, secp256r1] and shares secp384r1 only. The key log comes from the
 * SSLKEYLOGFILE environment variable. Readiness waits for "listening on IPv4 ... port P...done": the line is
 * printed in two pieces, and before "done" nothing listens yet.
 */
public final class GnuTlsPreset implements PeerPreset {

    static final String SERVER_BINARY = "gnutls-serv";
    static final String CLIENT_BINARY = "gnutls-cli";
    static final String PACKAGE = "gnutls-bin";

    @Override
    public String name() {
        return "gnutls";
    }

    @Override
    public String version() {
        return Binaries.firstLineOf(PACKAGE, CLIENT_BINARY, "--version");
    }

    @Override
    public boolean installed() {
        return missing().isEmpty();
    }

    @Override
    public java.util.Optional<String> missing() {
        return Binaries.missing(PACKAGE, SERVER_BINARY, CLIENT_BINARY);
    }

    @Override
    public Capabilities capabilities(Role role) {
        String label = role == Role.SERVER ? SERVER_BINARY : CLIENT_BINARY;
        return Capabilities.full(label, role, EnumSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3))
                .withKeyLog(true).withReconnect(role == Role.CLIENT);
    }

    /** The priority string for {@code config}: NORMAL narrowed to the version, suites, groups and schemes. */
    public static String priority(PeerConfig config) {
        StringBuilder p = new StringBuilder("NORMAL:-VERS-ALL:+VERS-TLS").append(config.version().label());
        if (!config.suites().isEmpty()) {
            p.append(":-CIPHER-ALL");
            config.suites().forEach(s -> p.append(":+").append(s.gnutlsCipher()));
        }
        if (!config.groups().isEmpty()) {
            p.append(":-GROUP-ALL");
            config.groups().forEach(g -> p.append(":+").append(g.gnutls()));
        }
        if (!config.schemes().isEmpty()) {
            p.append(":-SIGN-ALL");
            config.schemes().forEach(s -> p.append(":+").append(s.gnutls()));
        }
        return p.toString();
    }

    @Override
    public ServerPeer startServer(PeerConfig config, Path workDir) {
        requireSupport(Role.SERVER, config);
        return FreePorts.startOnFreePort(port -> startServer(config, workDir, port));
    }

    private ServerPeer startServer(PeerConfig config, Path workDir, int port) {
        PemFiles files = PemFiles.write(workDir, "gnutls-server-" + port,
                config.requireCredentials(SERVER_BINARY));
        List<String> cmd = new ArrayList<>(List.of(SERVER_BINARY, "-p", Integer.toString(port),
                "--priority=" + priority(config), "--x509certfile=" + files.chain(),
                "--x509keyfile=" + files.key(), "--http"));
        if (config.clientAuth() == ClientAuthMode.NONE) {
            cmd.add("--disable-client-cert");
        } else {
            cmd.add("--verify-client-cert");
            if (config.clientAuth() == ClientAuthMode.REQUIRE) {
                cmd.add("--require-client-cert");
            }
        }
        if (!config.trustAnchors().isEmpty()) {
            Path roots = PemFiles.writeCertificates(workDir.resolve("gnutls-server-" + port + "-roots.pem"),
                    config.trustAnchors());
            cmd.add("--x509cafile=" + roots);
        }
        traceFlags(cmd);
        ProcessSpec spec = ProcessSpec.of(SERVER_BINARY, PACKAGE, cmd).withLogDir(workDir)
                .withEnvironment(keyLogEnv(config))
                // "...done" comes after listen(): gnutls-serv prints "listening on IPv4 0.0.0.0 port P..." before it
                // binds, and a connection in between is refused.
                .withReadiness(Readiness.outputLine("listening on IPv4 .* port " + port + "\\.\\.\\.done"))
                // With its IPv4 port taken it prints "bind() failed: Address already in use" and serves IPv6 only.
                .withFailure("bind\\(\\) failed");
        return new ServerPeer(PeerProcess.start(spec), port, capabilities(Role.SERVER));
    }

    /**
     * With {@code -Dtlsconf.peers.trace=true}, GnuTLS's own debug log (level 5: every record, handshake message,
     * alert and state) joins the peer's log file in the work directory, for checking a deviation by hand.
     */
    private static void traceFlags(List<String> cmd) {
        if (Boolean.getBoolean(tlsconf.peers.openssl.OpenSslPreset.TRACE_PROPERTY)) {
            cmd.add("--debug=5");
        }
    }

    @Override
    public RunningPeer startClient(PeerConfig config, int port, Path workDir) {
        requireSupport(Role.CLIENT, config);
        int run = PemFiles.nextRun();
        List<String> cmd = new ArrayList<>(List.of(CLIENT_BINARY, "127.0.0.1", "-p", Integer.toString(port),
                "--priority=" + priority(config), "--verify-hostname=" + config.serverName()));
        if (!config.serverName().matches("[0-9.:]+")) {
            cmd.add("--sni-hostname=" + config.serverName());
        }
        if (!config.trustAnchors().isEmpty()) {
            Path roots = PemFiles.writeCertificates(workDir.resolve("gnutls-client-" + run + "-roots.pem"),
                    config.trustAnchors());
            cmd.add("--x509cafile=" + roots);
        }
        config.credentials().ifPresent(c -> {
            PemFiles files = PemFiles.write(workDir, "gnutls-client-" + run, c);
            cmd.add("--x509certfile=" + files.chain());
            cmd.add("--x509keyfile=" + files.key());
        });
        traceFlags(cmd);
        if (config.reconnect()) {
            // In TLS 1.3 the ticket comes after the handshake: wait for it before reconnecting.
            cmd.addAll(List.of("--resume", "--waitresumption"));
        }
        PeerProcess client = PeerProcess.start(ProcessSpec.of(CLIENT_BINARY, PACKAGE, cmd).withLogDir(workDir)
                .withEnvironment(keyLogEnv(config)));
        if (!config.request().isEmpty()) {
            client.send(config.request());
        }
        return client;
    }

    private static Map<String, String> keyLogEnv(PeerConfig config) {
        Map<String, String> env = new HashMap<>();
        config.keyLogFile().ifPresent(f -> env.put("SSLKEYLOGFILE", f.toString()));
        return env;
    }

    @Override
    public PeerReport report(Role role, String output) {
        return GnuTlsReports.parse(output);
    }

    /** For tests: the GnuTLS spelling of what a Description should say. */
    public static String describeGroup(Group g) {
        return "ECDHE-" + g.gnutls().substring("GROUP-".length());
    }

    /** For tests: the GnuTLS spelling of a signature scheme in a Description. */
    public static String describeScheme(SigScheme s) {
        return s.gnutls().substring("SIGN-".length());
    }

    /** For tests: the GnuTLS spelling of a suite's cipher in a Description. */
    public static String describeSuite(Suite s) {
        return s.gnutlsCipher();
    }
}
