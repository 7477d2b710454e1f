package tlsconf.peers.wolfssl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Binaries;
import tlsconf.peers.CPeerBuild;
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

/**
 * wolfSSL (Debian's libwolfssl 5.5.4) through tlsconf's own small C peer ({@code tlsconf-wolfssl-peer.c} in the jar,
 * compiled on first use by {@link CPeerBuild}): a server on 127.0.0.1 that answers one request per connection with
 * a page naming the version and suite, and a client that verifies the chain against the given roots and name. Both
 * print "handshake complete: TLSv1.3 ..." or "handshake failed: error N: wolfSSL's reason", which is also the peer's
 * own account of a deviation. No key log, no pinning of suites, groups or schemes (the peer takes none).
 * Debian's build has no wolfSSL debug log, so that line is the only account a deviation gets from wolfSSL itself.
 */
public final class WolfSslPreset implements PeerPreset {

    private static final CPeerBuild BUILD = new CPeerBuild("wolfssl", "/tlsconf/peers/wolfssl/tlsconf-wolfssl-peer.c",
            Path.of("/usr/include/wolfssl/ssl.h"), "libwolfssl-dev", List.of("wolfssl"));
    private static final Pattern HANDSHAKE = Pattern.compile("handshake complete: (\\S+) (\\S+)");
    private volatile String version;

    @Override
    public String name() {
        return "wolfssl";
    }

    @Override
    public String version() {
        String v = version;
        if (v == null) {
            try {
                v = Binaries.firstLineOf(BUILD.debianPackage(), BUILD.binary().toString(), "version");
            } catch (tlsconf.peers.PeerException e) {
                // Descriptions must not fail; starting the peer reports the same reason as a setup error.
                return "wolfSSL (peer not built: " + e.getMessage() + ")";
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
        return BUILD.missing();
    }

    @Override
    public Capabilities capabilities(Role role) {
        // The last argument, RSA key transport. Seen on the wire (Debian's libwolfssl 5.5.4 build, no static RSA): the
        // client offers 53 suites and no TLS_RSA one; the server refuses a ClientHello offering only
        // TLS_RSA_WITH_AES_128_GCM_SHA256 with handshake_failure.
        return new Capabilities("wolfssl " + role.cliName() + " (tlsconf-wolfssl-peer)", role,
                EnumSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3), Set.of(),
                EnumSet.allOf(Group.class), false, EnumSet.allOf(SigScheme.class), false,
                EnumSet.allOf(ClientAuthMode.class), false, false, false, false);
    }

    @Override
    public ServerPeer startServer(PeerConfig config, Path workDir) {
        requireSupport(Role.SERVER, config);
        Path binary = BUILD.binary();
        return FreePorts.startOnFreePort(port -> {
            PemFiles files = PemFiles.write(workDir, "wolfssl-server-" + port,
                    config.requireCredentials("wolfssl server"));
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "server", Integer.toString(port),
                    config.version().label(), files.chain().toString(), files.key().toString(),
                    config.clientAuth().name().toLowerCase(java.util.Locale.ROOT)));
            if (!config.trustAnchors().isEmpty()) {
                cmd.add(PemFiles.writeCertificates(workDir.resolve("wolfssl-server-" + port + "-roots.pem"),
                        config.trustAnchors()).toString());
            }
            ProcessSpec spec = ProcessSpec.of("wolfssl server", BUILD.debianPackage(), cmd).withLogDir(workDir)
                    .withReadiness(Readiness.outputLine("^listening on 127\\.0\\.0\\.1:" + port + "$"))
                    .withFailure("setup failed: .*(in use|cannot)");
            return new ServerPeer(PeerProcess.start(spec), port, capabilities(Role.SERVER));
        });
    }

    @Override
    public RunningPeer startClient(PeerConfig config, int port, Path workDir) {
        requireSupport(Role.CLIENT, config);
        if (config.credentials().isPresent()) {
            throw new IllegalArgumentException("the wolfSSL peer presents no client certificate");
        }
        if (config.trustAnchors().isEmpty()) {
            throw new IllegalArgumentException("the wolfSSL client needs trust anchors");
        }
        Path binary = BUILD.binary();
        Path roots = PemFiles.writeCertificates(workDir.resolve("wolfssl-client-" + PemFiles.nextRun()
                + "-roots.pem"), config.trustAnchors());
        List<String> cmd = List.of(binary.toString(), "client", Integer.toString(port), config.version().label(),
                config.serverName(), roots.toString());
        return PeerProcess.start(ProcessSpec.of("wolfssl client", BUILD.debianPackage(), cmd).withLogDir(workDir)
                .withoutInput());
    }

    /** "handshake complete: TLSv1.3 TLS13-AES128-GCM-SHA256"; the client verified the chain when it says so. */
    @Override
    public PeerReport report(Role role, String output) {
        PeerReport r = PeerReport.empty();
        Matcher m = HANDSHAKE.matcher(output);
        String protocol = null;
        while (m.find()) {
            protocol = m.group(1);
        }
        if ("TLSv1.3".equals(protocol)) {
            r = r.withVersion(TlsVersion.TLS_1_3).withVerified(true);
        } else if ("TLSv1.2".equals(protocol)) {
            r = r.withVersion(TlsVersion.TLS_1_2).withVerified(true);
        }
        return r;
    }
}
