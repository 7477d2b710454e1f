package tlsconf.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * A preset for one of tlsconf's own small C peers ({@link CPeerBuild}): the wolfSSL and mbed TLS peers share one
 * contract, so they share this code. The binary takes {@code server PORT [VERSION] CHAIN KEY CLIENT_AUTH [ROOTS]} or
 * {@code client PORT [VERSION] SERVER_NAME ROOTS}, prints {@code listening on 127.0.0.1:PORT} once a server is ready,
 * and {@code handshake complete: PROTOCOL SUITE} (a client only once it verified the chain) or
 * {@code handshake failed: ...} with the library's own reason. No client certificate, key log or pinning of suites,
 * groups or schemes.
 */
public abstract class CPeerPreset implements PeerPreset {
    private static final Pattern HANDSHAKE = Pattern.compile("handshake complete: (\\S+) (\\S+)");

    private final String name;
    private final String library;
    private final CPeerBuild build;
    private final boolean takesVersion;
    private final String setupFailure;
    private volatile String version;

    /**
     * @param name         the preset's name, also the prefix of process names and files ("wolfssl")
     * @param library      the library as people write it, for messages ("wolfSSL")
     * @param takesVersion whether the binary takes the protocol version to pin (a TLS 1.2-only peer takes none)
     * @param setupFailure a regular expression of the server's output that means it cannot start
     */
    protected CPeerPreset(String name, String library, CPeerBuild build, boolean takesVersion, String setupFailure) {
        this.name = name;
        this.library = library;
        this.build = build;
        this.takesVersion = takesVersion;
        this.setupFailure = setupFailure;
    }

    /** Extra environment of the peer process (a debug log level, say). */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        String v = version;
        if (v == null) {
            try {
                v = Binaries.firstLineOf(build.debianPackage(), build.binary().toString(), "version");
            } catch (PeerException e) {
                // Descriptions must not fail; starting the peer reports the same reason as a setup error.
                return library + " (peer not built: " + e.getMessage() + ")";
            }
            version = v;
        }
        return v;
    }

    @Override
    public boolean installed() {
        return missing().isEmpty();
    }

    @Override
    public Optional<String> missing() {
        return build.missing();
    }

    @Override
    public ServerPeer startServer(PeerConfig config, Path workDir) {
        requireSupport(Role.SERVER, config);
        Path binary = build.binary();
        return FreePorts.startOnFreePort(port -> {
            PemFiles files = PemFiles.write(workDir, name + "-server-" + port,
                    config.requireCredentials(name + " server"));
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "server", Integer.toString(port)));
            if (takesVersion) {
                cmd.add(config.version().label());
            }
            cmd.addAll(List.of(files.chain().toString(), files.key().toString(),
                    config.clientAuth().name().toLowerCase(java.util.Locale.ROOT)));
            if (!config.trustAnchors().isEmpty()) {
                cmd.add(PemFiles.writeCertificates(workDir.resolve(name + "-server-" + port + "-roots.pem"),
                        config.trustAnchors()).toString());
            }
            ProcessSpec spec = ProcessSpec.of(name + " server", build.debianPackage(), cmd).withLogDir(workDir)
                    .withEnvironment(environment())
                    .withReadiness(Readiness.outputLine("^listening on 127\\.0\\.0\\.1:" + port + "$"))
                    .withFailure(setupFailure);
            return new ServerPeer(PeerProcess.start(spec), port, capabilities(Role.SERVER));
        });
    }

    @Override
    public RunningPeer startClient(PeerConfig config, int port, Path workDir) {
        requireSupport(Role.CLIENT, config);
        if (config.credentials().isPresent()) {
            throw new IllegalArgumentException("the " + library + " peer presents no client certificate");
        }
        if (config.trustAnchors().isEmpty()) {
            throw new IllegalArgumentException("the " + library + " client needs trust anchors");
        }
        Path roots = PemFiles.writeCertificates(workDir.resolve(name + "-client-" + PemFiles.nextRun()
                + "-roots.pem"), config.trustAnchors());
        List<String> cmd = new ArrayList<>(List.of(build.binary().toString(), "client", Integer.toString(port)));
        if (takesVersion) {
            cmd.add(config.version().label());
        }
        cmd.addAll(List.of(config.serverName(), roots.toString()));
        return PeerProcess.start(ProcessSpec.of(name + " client", build.debianPackage(), cmd).withLogDir(workDir)
                .withEnvironment(environment()).withoutInput());
    }

    /**
     * "handshake complete: TLSv1.3 TLS13-AES128-GCM-SHA256": the last such line names the version; a client says
     * so only once it verified the chain. A version the preset does not announce is not reported.
     */
    @Override
    public PeerReport report(Role role, String output) {
        Matcher m = HANDSHAKE.matcher(output);
        String protocol = null;
        while (m.find()) {
            protocol = m.group(1);
        }
        for (TlsVersion v : capabilities(role).versions()) {
            if (("TLSv" + v.label()).equals(protocol)) {
                return PeerReport.empty().withVersion(v).withVerified(true);
            }
        }
        return PeerReport.empty();
    }
}
