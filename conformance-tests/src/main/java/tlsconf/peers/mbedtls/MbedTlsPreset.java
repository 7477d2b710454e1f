package tlsconf.peers.mbedtls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
 * mbed TLS (Debian's libmbedtls 2.28.3, TLS 1.2 only) through tlsconf's own small C peer
 * ({@code tlsconf-mbedtls-peer.c} in the jar, compiled on first use by {@link CPeerBuild}), with the same contract
 * as the wolfSSL peer: "handshake complete: TLSv1.2 ..." or "handshake failed: -0xNNNN: mbed TLS's reason".
 *
 * <p>Its server never merely requests a client certificate: mbed TLS's "optional" mode completes the handshake
 * whatever the client's chain, so the preset offers no client auth or required client auth only, and the
 * client-certificate checks (which need "request") are skipped for it. With {@code -Dtlsconf.peers.trace=true}
 * mbed TLS's own debug log (level 3) joins the peer's log in its work directory.
 */
public final class MbedTlsPreset implements PeerPreset {

    private static final CPeerBuild BUILD = new CPeerBuild("mbedtls", "/tlsconf/peers/mbedtls/tlsconf-mbedtls-peer.c",
            Path.of("/usr/include/mbedtls/ssl.h"), "libmbedtls-dev", List.of("mbedtls", "mbedx509", "mbedcrypto"));
    private static final Pattern HANDSHAKE = Pattern.compile("handshake complete: (\\S+) (\\S+)");
    private static final String TRACE_PROPERTY = "tlsconf.peers.trace";
    private volatile String version;

    @Override
    public String name() {
        return "mbedtls";
    }

    @Override
    public String version() {
        String v = version;
        if (v == null) {
            try {
                v = Binaries.firstLineOf(BUILD.debianPackage(), BUILD.binary().toString(), "version");
            } catch (tlsconf.peers.PeerException e) {
                // Descriptions must not fail; starting the peer reports the same reason as a setup error.
                return "mbed TLS (peer not built: " + e.getMessage() + ")";
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
        // The last argument, RSA key transport. Seen on the wire: its client offers 16 TLS_RSA suites
        // (TLS_RSA_WITH_AES_128_GCM_SHA256 among them); its server with an RSA chain negotiates that suite when it is
        // all a client offers.
        return new Capabilities("mbedtls " + role.cliName() + " (tlsconf-mbedtls-peer)", role,
                EnumSet.of(TlsVersion.TLS_1_2), Set.of(), EnumSet.of(Group.X25519, Group.SECP256R1, Group.SECP384R1),
                false, EnumSet.of(SigScheme.ECDSA_SECP256R1_SHA256, SigScheme.RSA_PSS_RSAE_SHA256), false,
                EnumSet.of(ClientAuthMode.NONE, ClientAuthMode.REQUIRE), false, false, false, true);
    }

    private static Map<String, String> environment() {
        return Boolean.getBoolean(TRACE_PROPERTY) ? Map.of("TLSCONF_MBEDTLS_DEBUG", "3") : Map.of();
    }

    @Override
    public ServerPeer startServer(PeerConfig config, Path workDir) {
        requireSupport(Role.SERVER, config);
        Path binary = BUILD.binary();
        return FreePorts.startOnFreePort(port -> {
            PemFiles files = PemFiles.write(workDir, "mbedtls-server-" + port,
                    config.requireCredentials("mbedtls server"));
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "server", Integer.toString(port),
                    files.chain().toString(), files.key().toString(),
                    config.clientAuth().name().toLowerCase(java.util.Locale.ROOT)));
            if (!config.trustAnchors().isEmpty()) {
                cmd.add(PemFiles.writeCertificates(workDir.resolve("mbedtls-server-" + port + "-roots.pem"),
                        config.trustAnchors()).toString());
            }
            ProcessSpec spec = ProcessSpec.of("mbedtls server", BUILD.debianPackage(), cmd).withLogDir(workDir)
                    .withEnvironment(environment())
                    .withReadiness(Readiness.outputLine("^listening on 127\\.0\\.0\\.1:" + port + "$"))
                    .withFailure("setup .*failed: .*(in use|cannot|-0x)");
            return new ServerPeer(PeerProcess.start(spec), port, capabilities(Role.SERVER));
        });
    }

    @Override
    public RunningPeer startClient(PeerConfig config, int port, Path workDir) {
        requireSupport(Role.CLIENT, config);
        if (config.credentials().isPresent()) {
            throw new IllegalArgumentException("the mbed TLS peer presents no client certificate");
        }
        if (config.trustAnchors().isEmpty()) {
            throw new IllegalArgumentException("the mbed TLS client needs trust anchors");
        }
        Path binary = BUILD.binary();
        Path roots = PemFiles.writeCertificates(workDir.resolve("mbedtls-client-" + PemFiles.nextRun()
                + "-roots.pem"), config.trustAnchors());
        List<String> cmd = List.of(binary.toString(), "client", Integer.toString(port), config.serverName(),
                roots.toString());
        return PeerProcess.start(ProcessSpec.of("mbedtls client", BUILD.debianPackage(), cmd).withLogDir(workDir)
                .withEnvironment(environment()).withoutInput());
    }

    /** "handshake complete: TLSv1.2 TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256"; a client says so once it verified. */
    @Override
    public PeerReport report(Role role, String output) {
        PeerReport r = PeerReport.empty();
        Matcher m = HANDSHAKE.matcher(output);
        String protocol = null;
        while (m.find()) {
            protocol = m.group(1);
        }
        if ("TLSv1.2".equals(protocol)) {
            r = r.withVersion(TlsVersion.TLS_1_2).withVerified(true);
        }
        return r;
    }
}
