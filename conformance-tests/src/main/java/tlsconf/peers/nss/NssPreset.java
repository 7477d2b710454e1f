package tlsconf.peers.nss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Binaries;
import tlsconf.peers.Capabilities;
import tlsconf.peers.ClientAuthMode;
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
 * NSS's {@code selfserv} and {@code tstclnt} (3.87, Debian package libnss3-tools), each with its own NSS database
 * ({@link NssDatabase}). selfserv answers an HTTP request by echoing it; with {@code -v} both print each connection
 * ("SSL version 3.4 using 128-bit AES-GCM ...", "Key Exchange: 255-bit TLS 1.3", the client also "Signature Scheme:
 * ecdsa_secp256r1_sha256"), which {@link #report} reads. No Ed25519 in TLS, no key log in Debian's build; selfserv
 * binds every interface (only ever connect on 127.0.0.1).
 *
 * <p>Traps: tstclnt spins when stdin is a pipe, so it sends {@link PeerConfig#request()} from a file ({@code -A})
 * with stdin from /dev/null and takes no {@code sendLine}; without {@code -n} it would send any client
 * certificate its database holds, so a client without credentials gets a trust-only database.
 */
public final class NssPreset implements PeerPreset {

    static final String SERVER_BINARY = "selfserv";
    static final String CLIENT_BINARY = "tstclnt";

    @Override
    public String name() {
        return "nss";
    }

    private volatile String version;

    @Override
    public String version() {
        String v = version;
        if (v == null) {
            v = queryVersion();
            version = v;
        }
        return v;
    }

    private static String queryVersion() {
        // No NSS tool prints the library's version; on Debian the package manager knows it.
        Binaries.require(SERVER_BINARY, NssDatabase.PACKAGE);
        if (Binaries.installed("dpkg-query")) {
            try {
                return "NSS " + Binaries.firstLineOf("dpkg", "dpkg-query", "-W", "-f=${Version}\n", "libnss3")
                        .replaceFirst("^\\d+:", "");
            } catch (tlsconf.peers.PeerException e) {
                // not a Debian package here: fall through
            }
        }
        return "NSS (" + NssDatabase.PACKAGE + ")";
    }

    @Override
    public boolean installed() {
        return missing().isEmpty();
    }

    @Override
    public java.util.Optional<String> missing() {
        return Binaries.missing(NssDatabase.PACKAGE, SERVER_BINARY, CLIENT_BINARY, "certutil", "pk12util");
    }

    @Override
    public Capabilities capabilities(Role role) {
        // The last argument, RSA key transport. Seen on the wire: tstclnt offers TLS_RSA_WITH_AES_128_GCM_SHA256 (and 8
        // more TLS_RSA suites); selfserv with an RSA chain negotiates it when it is all a client offers.
        return new Capabilities(role == Role.SERVER ? "nss selfserv" : "nss tstclnt", role,
                EnumSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3),
                EnumSet.allOf(Suite.class), EnumSet.of(Group.X25519, Group.SECP256R1, Group.SECP384R1), true,
                EnumSet.of(SigScheme.ECDSA_SECP256R1_SHA256, SigScheme.RSA_PSS_RSAE_SHA256), false,
                EnumSet.allOf(ClientAuthMode.class), false, false, false, true);
    }

    @Override
    public ServerPeer startServer(PeerConfig config, Path workDir) {
        requireSupport(Role.SERVER, config);
        PeerCredentials credentials = config.requireCredentials(SERVER_BINARY);
        return FreePorts.startOnFreePort(port -> {
            String db = NssDatabase.create(workDir.resolve("nss-server-" + port), credentials,
                    config.trustAnchors());
            String version = config.version() == TlsVersion.TLS_1_3 ? "tls1.3" : "tls1.2";
            // -e names an EC key, -n an RSA key; -u enables session tickets; -v reports each connection.
            String keyFlag = credentials.privateKey().getAlgorithm().startsWith("EC") ? "-e" : "-n";
            List<String> cmd = new ArrayList<>(List.of(SERVER_BINARY, "-d", db, "-p", Integer.toString(port),
                    "-V", version + ":" + version, keyFlag, NssDatabase.NICKNAME, "-u", "-v"));
            if (!config.suites().isEmpty()) {
                cmd.addAll(List.of("-c", config.suites().stream().map(NssPreset::cipherCode)
                        .collect(Collectors.joining())));
            }
            if (!config.groups().isEmpty()) {
                cmd.addAll(List.of("-I", config.groups().stream().map(NssPreset::groupName)
                        .collect(Collectors.joining(","))));
            }
            switch (config.clientAuth()) {
                case NONE -> { }
                case REQUEST -> cmd.add("-r");
                case REQUIRE -> cmd.addAll(List.of("-r", "-r"));
            }
            ProcessSpec spec = ProcessSpec.of(SERVER_BINARY, NssDatabase.PACKAGE, cmd).withLogDir(workDir)
                    .withReadiness(Readiness.allOf(Readiness.outputLine("About to call accept"),
                            Readiness.portAccepting(port)))
                    .withFailure("(?i)address already in use|PR_ADDRESS_IN_USE_ERROR");
            return new ServerPeer(PeerProcess.start(spec), port, capabilities(Role.SERVER));
        });
    }

    /** selfserv's -c takes ":XXXX" hex cipher suite codes. */
    private static String cipherCode(Suite s) {
        return switch (s) {
            case TLS_AES_128_GCM_SHA256 -> ":1301";
            case TLS_AES_256_GCM_SHA384 -> ":1302";
            case TLS_CHACHA20_POLY1305_SHA256 -> ":1303";
        };
    }

    private static String groupName(Group g) {
        return switch (g) {
            case X25519 -> "x25519";
            case SECP256R1 -> "P256";
            case SECP384R1 -> "P384";
        };
    }

    @Override
    public RunningPeer startClient(PeerConfig config, int port, Path workDir) {
        requireSupport(Role.CLIENT, config);
        int run = PemFiles.nextRun();
        Path dir = workDir.resolve("nss-client-" + run);
        String db = config.credentials().isPresent()
                ? NssDatabase.create(dir, config.credentials().get(), config.trustAnchors())
                : trustOnlyDatabase(workDir, config.trustAnchors());
        Path request = workDir.resolve("nss-client-" + run + "-request.txt");
        try {
            Files.createDirectories(workDir);
            Files.writeString(request, config.request(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + request, e);
        }
        String version = config.version() == TlsVersion.TLS_1_3 ? "tls1.3" : "tls1.2";
        // -h is only where to connect (tstclnt resolves it itself: names like www.tlsconf.test would not resolve);
        // -a is the name sent as SNI and the one the server's certificate is checked against (SSL_SetURL).
        List<String> cmd = new ArrayList<>(List.of(CLIENT_BINARY, "-4", "-h", "127.0.0.1", "-a",
                config.serverName(), "-p", Integer.toString(port), "-d", db, "-V", version + ":" + version, "-v",
                "-A", request.toString()));
        if (config.credentials().isPresent()) {
            cmd.addAll(List.of("-n", NssDatabase.NICKNAME));
        }
        if (!config.suites().isEmpty()) {
            cmd.addAll(List.of("-c", config.suites().stream().map(NssPreset::cipherCode)
                    .collect(Collectors.joining())));
        }
        if (!config.groups().isEmpty()) {
            cmd.addAll(List.of("-I", config.groups().stream().map(NssPreset::groupName)
                    .collect(Collectors.joining(","))));
        }
        return PeerProcess.start(ProcessSpec.of(CLIENT_BINARY, NssDatabase.PACKAGE, cmd).withLogDir(workDir)
                .withoutInput());
    }

    /**
     * One trust-only database per work directory and set of trust anchors, made once and shared by the clients
     * started there (one after another: tstclnt only reads it). Building a database takes three certutil runs, which
     * per scenario would cost more than the handshake.
     */
    private static String trustOnlyDatabase(Path workDir, List<java.security.cert.X509Certificate> anchors) {
        StringBuilder key = new StringBuilder(workDir.toAbsolutePath().toString());
        for (java.security.cert.X509Certificate a : anchors) {
            key.append('|').append(a.getSerialNumber()).append('/').append(a.getSubjectX500Principal().getName());
        }
        return TRUST_DATABASES.computeIfAbsent(key.toString(), k -> NssDatabase.create(
                workDir.resolve("nss-client-trust-" + TRUST_DATABASES.size()), null, anchors));
    }

    private static final java.util.Map<String, String> TRUST_DATABASES = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public PeerReport report(Role role, String output) {
        return NssReports.selfserv(output);
    }
}
