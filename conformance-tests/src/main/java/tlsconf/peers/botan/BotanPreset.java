package tlsconf.peers.botan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

/**
 * Botan's command-line TLS tools (2.19.3, Debian package botan): {@code botan tls_server} (an echo server) and
 * {@code botan tls_client}. TLS 1.2 only; versions and groups go in a policy file.
 *
 * <p>Traps: Botan 2.19 speaks no TLS 1.3; its server never asks for a client certificate and its client has none
 * to give; tls_server binds every interface; tls_client prints a failed chain validation and still exits 0 (judge
 * by "Certificate validation status: Verified"); it resolves its host argument itself, so it is given 127.0.0.1 and
 * checks our certificate's IP address entry rather than a DNS name; its output goes through C++ streams that a
 * pipe makes block-buffered, so it runs under {@code stdbuf -oL} (coreutils) to be read line by line.
 */
public final class BotanPreset implements PeerPreset {

    static final String BINARY = "botan";
    static final String PACKAGE = "botan";
    private static final Pattern HANDSHAKE = Pattern.compile("Handshake complete, TLS v(1\\.[0-3]) using (\\S+)");

    @Override
    public String name() {
        return "botan";
    }

    @Override
    public String version() {
        return "Botan " + Binaries.firstLineOf(PACKAGE, BINARY, "version");
    }

    @Override
    public boolean installed() {
        return missing().isEmpty();
    }

    /** botan, and stdbuf (coreutils) that makes its output line-buffered. */
    @Override
    public java.util.Optional<String> missing() {
        return Binaries.missing(PACKAGE, BINARY).or(() -> Binaries.missing("coreutils", "stdbuf"));
    }

    @Override
    public Capabilities capabilities(Role role) {
        // The last argument, RSA key transport. Seen on the wire (Botan 2.19.3, the suite's policy file): tls_client
        // offers no TLS_RSA suite (ECDHE and DHE only), and tls_server refuses a ClientHello offering only
        // TLS_RSA_WITH_AES_128_GCM_SHA256 with handshake_failure.
        return new Capabilities("botan " + (role == Role.SERVER ? "tls_server" : "tls_client"), role,
                EnumSet.of(TlsVersion.TLS_1_2), Set.of(), EnumSet.of(Group.X25519, Group.SECP256R1, Group.SECP384R1),
                true, EnumSet.of(SigScheme.ECDSA_SECP256R1_SHA256, SigScheme.RSA_PSS_RSAE_SHA256), false,
                EnumSet.of(ClientAuthMode.NONE), false, false, false, false);
    }

    @Override
    public void requireSupport(Role role, PeerConfig config) {
        Binaries.require(BINARY, PACKAGE);
        PeerPreset.super.requireSupport(role, config);
        if (role == Role.CLIENT && config.credentials().isPresent()) {
            throw new IllegalArgumentException("botan tls_client cannot present a client certificate");
        }
    }

    @Override
    public ServerPeer startServer(PeerConfig config, Path workDir) {
        requireSupport(Role.SERVER, config);
        return FreePorts.startOnFreePort(port -> {
            PemFiles files = PemFiles.write(workDir, "botan-server-" + port, config.requireCredentials("botan"));
            Path policy = writePolicy(workDir.resolve("botan-server-" + port + "-policy.txt"), config);
            List<String> cmd = List.of("stdbuf", "-oL", BINARY, "tls_server", files.chain().toString(),
                    files.key().toString(), "--port=" + port, "--policy=" + policy, "--max-clients=0");
            ProcessSpec spec = ProcessSpec.of("botan tls_server", "coreutils", cmd).withLogDir(workDir)
                    .withReadiness(Readiness.outputLine("Listening for new connections on tcp port " + port))
                    .withFailure("(?i)address already in use");
            return new ServerPeer(PeerProcess.start(spec), port, capabilities(Role.SERVER));
        });
    }

    @Override
    public RunningPeer startClient(PeerConfig config, int port, Path workDir) {
        requireSupport(Role.CLIENT, config);
        int run = PemFiles.nextRun();
        Path cas = workDir.resolve("botan-client-" + run + "-cas");
        for (int i = 0; i < config.trustAnchors().size(); i++) {
            PemFiles.writeCertificates(cas.resolve("root-" + i + ".pem"), List.of(config.trustAnchors().get(i)));
        }
        Path policy = writePolicy(workDir.resolve("botan-client-" + run + "-policy.txt"), config);
        List<String> cmd = new ArrayList<>(List.of("stdbuf", "-oL", BINARY, "tls_client", "127.0.0.1",
                "--port=" + port, "--policy=" + policy, "--skip-system-cert-store", "--tls1.2"));
        if (!config.trustAnchors().isEmpty()) {
            cmd.add("--trusted-cas=" + cas);
        }
        PeerProcess client = PeerProcess.start(ProcessSpec.of("botan tls_client", "coreutils", cmd)
                .withLogDir(workDir));
        if (!config.request().isEmpty()) {
            client.send(config.request());
        }
        return client;
    }

    /**
     * A policy with only TLS 1.2 and, when given, only the configured groups. (Debian's Botan 2.19 has no RSA key
     * transport suite at all: a policy of {@code key_exchange_methods = RSA} makes its client fail with "Policy does
     * not allow any available cipher suite", so the FREAK check cannot be played against it.)
     */
    private static Path writePolicy(Path file, PeerConfig config) {
        StringBuilder p = new StringBuilder();
        p.append("allow_tls10 = false\nallow_tls11 = false\nallow_tls12 = true\n");
        p.append("allow_dtls10 = false\nallow_dtls12 = false\n");
        if (!config.groups().isEmpty()) {
            p.append("key_exchange_groups = ").append(config.groups().stream().map(Group::jsse)
                    .collect(Collectors.joining(" "))).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, p.toString(), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Botan policy " + file, e);
        }
    }

    /** "Handshake complete, TLS v1.2 using ECDHE_ECDSA_WITH_..." and, from the client, the validation status. */
    @Override
    public PeerReport report(Role role, String output) {
        PeerReport r = PeerReport.empty();
        Matcher m = HANDSHAKE.matcher(output);
        String version = null;
        while (m.find()) {
            version = m.group(1);
        }
        if ("1.2".equals(version)) {
            r = r.withVersion(TlsVersion.TLS_1_2);
        } else if ("1.3".equals(version)) {
            r = r.withVersion(TlsVersion.TLS_1_3);
        }
        if (role == Role.CLIENT && output.contains("Certificate validation status:")) {
            r = r.withVerified(output.contains("Certificate validation status: Verified"));
        }
        return r;
    }
}
