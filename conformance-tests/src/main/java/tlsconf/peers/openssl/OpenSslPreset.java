package tlsconf.peers.openssl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Binaries;
import tlsconf.peers.Capabilities;
import tlsconf.peers.FreePorts;
import tlsconf.peers.Group;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerCredentials;
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
 * OpenSSL's {@code s_server} and {@code s_client} (tested with 3.0.19).
 *
 * <p>The server runs with {@code -www}: each connection sends an HTTP request and gets a page that says what the
 * server negotiated ("New, TLSv1.3, Cipher is ..." or "Reused, ..."); {@link #report} parses it. The client runs
 * with {@code -brief -ign_eof}: it prints "Protocol version", "Ciphersuite", "Server Temp Key" and then what it
 * receives, forwards stdin lines, and waits for the server to close (without {@code -ign_eof} it may exit before
 * it reads a TLS 1.3 certificate_required alert).
 */
public final class OpenSslPreset implements PeerPreset {

    static final String BINARY = "openssl";
    static final String PACKAGE = "openssl";
    private static final String NAME = "openssl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return Binaries.firstLineOf(PACKAGE, BINARY, "version");
    }

    @Override
    public boolean installed() {
        return missing().isEmpty();
    }

    @Override
    public java.util.Optional<String> missing() {
        return Binaries.missing(PACKAGE, BINARY);
    }

    @Override
    public Capabilities capabilities(Role role) {
        String label = "openssl " + (role == Role.SERVER ? "s_server" : "s_client");
        return Capabilities.full(label, role, EnumSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3))
                .withKeyLog(true).withSessionFile(role == Role.CLIENT);
    }

    @Override
    public ServerPeer startServer(PeerConfig config, Path workDir) {
        requireSupport(Role.SERVER, config);
        return FreePorts.startOnFreePort(port -> startServer(config, workDir, port));
    }

    private ServerPeer startServer(PeerConfig config, Path workDir, int port) {
        List<String> cmd = new ArrayList<>(List.of(BINARY, "s_server", "-accept", "127.0.0.1:" + port,
                versionFlag(config.version())));
        PemFiles files = PemFiles.write(workDir, "openssl-server-" + port,
                config.requireCredentials("openssl s_server"));
        cmd.addAll(List.of("-cert", files.leaf().toString(), "-key", files.key().toString()));
        if (!config.requireCredentials("openssl s_server").intermediates().isEmpty()) {
            cmd.addAll(List.of("-cert_chain", files.intermediates().toString()));
        }
        algorithmFlags(config, cmd);
        switch (config.clientAuth()) {
            case NONE -> { }
            // The depth argument bounds the client chain; 3 covers root -> intermediate -> leaf.
            case REQUEST -> cmd.addAll(List.of("-verify", "3", "-verify_return_error"));
            case REQUIRE -> cmd.addAll(List.of("-Verify", "3", "-verify_return_error"));
        }
        if (!config.trustAnchors().isEmpty()) {
            Path roots = PemFiles.writeCertificates(workDir.resolve("openssl-server-" + port + "-roots.pem"),
                    config.trustAnchors());
            cmd.addAll(List.of("-CAfile", roots.toString()));
        }
        config.keyLogFile().ifPresent(f -> cmd.addAll(List.of("-keylogfile", f.toString())));
        traceFlags(cmd);
        cmd.add("-www");
        ProcessSpec spec = ProcessSpec.of("openssl s_server", PACKAGE, cmd).withLogDir(workDir)
                .withReadiness(Readiness.outputLine("^ACCEPT$"));
        return new ServerPeer(PeerProcess.start(spec), port, capabilities(Role.SERVER));
    }

    @Override
    public RunningPeer startClient(PeerConfig config, int port, Path workDir) {
        requireSupport(Role.CLIENT, config);
        int run = PemFiles.nextRun();
        List<String> cmd = new ArrayList<>(List.of(BINARY, "s_client", "-connect", "127.0.0.1:" + port,
                versionFlag(config.version()), "-brief", "-ign_eof"));
        String name = config.serverName();
        if (isIpAddress(name)) {
            cmd.addAll(List.of("-noservername", "-verify_ip", name));
        } else {
            cmd.addAll(List.of("-servername", name, "-verify_hostname", name));
        }
        if (!config.trustAnchors().isEmpty()) {
            Path roots = PemFiles.writeCertificates(workDir.resolve("openssl-client-" + run + "-roots.pem"),
                    config.trustAnchors());
            cmd.addAll(List.of("-CAfile", roots.toString(), "-verify_return_error"));
        }
        if (config.credentials().isPresent()) {
            PeerCredentials creds = config.credentials().get();
            PemFiles files = PemFiles.write(workDir, "openssl-client-" + run, creds);
            cmd.addAll(List.of("-cert", files.leaf().toString(), "-key", files.key().toString()));
            if (!creds.intermediates().isEmpty()) {
                cmd.addAll(List.of("-cert_chain", files.intermediates().toString()));
            }
        }
        algorithmFlags(config, cmd);
        config.sessionOut().ifPresent(f -> cmd.addAll(List.of("-sess_out", f.toString())));
        config.sessionIn().ifPresent(f -> cmd.addAll(List.of("-sess_in", f.toString())));
        config.keyLogFile().ifPresent(f -> cmd.addAll(List.of("-keylogfile", f.toString())));
        traceFlags(cmd);
        PeerProcess client = PeerProcess.start(ProcessSpec.of("openssl s_client", PACKAGE, cmd).withLogDir(workDir));
        if (!config.request().isEmpty()) {
            client.send(config.request());
        }
        return client;
    }

    /**
     * With {@code -Dtlsconf.peers.trace=true}, OpenSSL's own view of each record, message, alert and state (for
     * checking a deviation by hand) joins the peer's log file in the work directory. Line-buffered through stdbuf:
     * a peer that is killed at the end of a scenario would otherwise lose the tail of its trace.
     */
    private static void traceFlags(List<String> cmd) {
        if (Boolean.getBoolean(TRACE_PROPERTY)) {
            cmd.addAll(0, List.of("stdbuf", "-oL"));
            cmd.addAll(List.of("-state", "-trace"));
        }
    }

    /** System property that turns on the peers' own diagnostics. */
    public static final String TRACE_PROPERTY = "tlsconf.peers.trace";

    private static void algorithmFlags(PeerConfig config, List<String> cmd) {
        if (!config.suites().isEmpty()) {
            cmd.addAll(List.of("-ciphersuites",
                    config.suites().stream().map(Suite::iana).collect(Collectors.joining(":"))));
        }
        if (!config.groups().isEmpty()) {
            // The client sends a key share for the first group only; the server accepts only these groups.
            cmd.addAll(List.of("-groups",
                    config.groups().stream().map(Group::openssl).collect(Collectors.joining(":"))));
        }
        if (!config.schemes().isEmpty()) {
            cmd.addAll(List.of("-sigalgs",
                    config.schemes().stream().map(SigScheme::openssl).collect(Collectors.joining(":"))));
        }
    }

    private static String versionFlag(TlsVersion v) {
        return switch (v) {
            case TLS_1_2 -> "-tls1_2";
            case TLS_1_3 -> "-tls1_3";
        };
    }

    static boolean isIpAddress(String name) {
        return name.matches("\\d{1,3}(\\.\\d{1,3}){3}") || name.contains(":");
    }

    @Override
    public PeerReport report(Role role, String output) {
        return role == Role.CLIENT ? OpenSslReports.sClientBrief(output) : OpenSslReports.wwwPage(output);
    }
}
