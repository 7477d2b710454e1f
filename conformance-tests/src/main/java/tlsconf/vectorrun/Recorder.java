package tlsconf.vectorrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import tlsconf.vectors.Bytes;

/**
 * Records golden transcripts (opt-in: {@code -Dvectors.record=true} on {@code RecordingsTest}, or this class's
 * main): our deterministic reference client against a live {@code openssl s_server} 3.0.19 or {@code gnutls-serv}
 * 3.7.9, or our reference server against {@code openssl s_client} 3.0.19 or {@code gnutls-cli} 3.7.9, TLS 1.3 or
 * TLS 1.2 ({@link RecordingSetups}), on 127.0.0.1, both directions' bytes written to
 * {@code recordings/<peer>-<version>/<name>.json}. The
 * installed peer's version must be the pinned one; a recording that still replays against the same version and
 * configuration is kept (only what changed is rewritten). Each peer process is always killed.
 */
public final class Recorder {
    static final String PINNED_OPENSSL = "OpenSSL 3.0.19";
    static final String PINNED_GNUTLS = "gnutls-serv 3.7.9";
    static final String PINNED_GNUTLS_CLI = "gnutls-cli 3.7.9";

    /** One configuration: the peer, our side's version and settings, and the peer's extra options. */
    record Setup(Peer peer, String name, String description, String tls, String suite, String groups,
            List<String> serverOptions, int connections) {
        Setup(Peer peer, String name, String description, String suite, String groups, List<String> serverOptions,
                int connections) {
            this(peer, name, description, "1.3", suite, groups, serverOptions, connections);
        }

        Setup(Peer peer, String name, String description, String suite, String groups, List<String> serverOptions) {
            this(peer, name, description, suite, groups, serverOptions, 1);
        }

        Setup(String name, String description, String suite, String groups, List<String> serverOptions) {
            this(Peer.OPENSSL, name, description, suite, groups, serverOptions, 1);
        }

        /**
         * Whether the server requires a client certificate: a server peer asking for one (our client then presents
         * the ECDSA pair), or a client peer given one (our server then requires it).
         */
        boolean clientAuth() {
            return serverOptions.contains("-Verify") || serverOptions.contains(RecordingSetups.GNUTLS_CLIENT_AUTH)
                    || serverOptions.contains("-cert") || serverOptions.contains("--x509certfile={cert}");
        }

        /** A TLS 1.2 configuration. */
        static Setup tls12(Peer peer, String name, String description, String suite, String groups,
                List<String> options, int connections) {
            return new Setup(peer, name, description, "1.2", suite, groups, options, connections);
        }
    }

    /** The recorded servers, pinned to the versions installed here (PEERS.md). */
    enum Peer {
        OPENSSL("openssl s_server", List.of("openssl", "version"), PINNED_OPENSSL, "ACCEPT"),
        GNUTLS("gnutls-serv", List.of("gnutls-serv", "--version"), PINNED_GNUTLS, "listening"),
        /** A client peer: our reference server is the one recorded. */
        OPENSSL_CLIENT("openssl s_client", List.of("openssl", "version"), PINNED_OPENSSL, ""),
        /** A client peer; its stdin stays open, so it waits after the handshake until our close_notify. */
        GNUTLS_CLIENT("gnutls-cli", List.of("gnutls-cli", "--version"), PINNED_GNUTLS_CLI, "");

        final String displayName;
        final List<String> versionCommand;
        final String pinned;
        final String ready;

        Peer(String displayName, List<String> versionCommand, String pinned, String ready) {
            this.displayName = displayName;
            this.versionCommand = versionCommand;
            this.pinned = pinned;
            this.ready = ready;
        }

        boolean isClient() {
            return this == OPENSSL_CLIENT || this == GNUTLS_CLIENT;
        }

        boolean isGnuTls() {
            return this == GNUTLS || this == GNUTLS_CLIENT;
        }

        /** The peer's command line; OpenSSL is pinned to {@code tls}, GnuTLS by the priority in the options. */
        List<String> command(int port, Path cert, Path key, String tls) {
            String only = "1.2".equals(tls) ? "-tls1_2" : "-tls1_3";
            if (this == OPENSSL_CLIENT) {
                return new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, only,
                        "-servername", "localhost"));
            }
            if (this == GNUTLS_CLIENT) {
                // The recording pins bytes, not a PKI: our server's certificate is generated at recording time.
                return new ArrayList<>(List.of("gnutls-cli", "127.0.0.1", "-p", Integer.toString(port), "--insecure",
                        "--sni-hostname=localhost"));
            }
            return this == OPENSSL
                    ? new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, only,
                            "-cert", cert.toString(), "-key", key.toString(), "-naccept", "{connections}", "-www"))
                    // gnutls-serv binds every interface (PEERS.md): we only ever connect to 127.0.0.1.
                    : new ArrayList<>(List.of("gnutls-serv", "-p", Integer.toString(port), "--x509certfile",
                            cert.toString(), "--x509keyfile", key.toString(), "--http"));
        }

        /** "openssl-3.0.19" / "gnutls-3.7.9". */
        String folder(String version) {
            String[] w = version.split(" ");
            return (isGnuTls() ? "gnutls-" : "openssl-") + w[1];
        }
    }

    private Recorder() {
    }


    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "vectors/src/main/resources/vectors/recordings");
        for (Path p : recordAll(out)) {
            System.out.println("recorded " + p);
        }
    }

    static List<Path> recordAll(Path root) throws IOException, InterruptedException {
        java.util.EnumMap<Peer, String> versions = new java.util.EnumMap<>(Peer.class);
        for (Peer p : Peer.values()) {
            String version = run(p.versionCommand).lines().findFirst().orElse("").trim();
            if (!version.equals(p.pinned) && !version.startsWith(p.pinned + " ")) {
                throw new IllegalStateException("recordings are pinned to " + p.pinned + ", installed: " + version);
            }
            versions.put(p, version);
        }
        Path work = Files.createTempDirectory("tlsconf-record");
        Path key = work.resolve("key.pem");
        Path cert = work.resolve("cert.pem");
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-subj", "/CN=localhost", "-days", "30"));
        // An RSA pair for the ECDHE-RSA and RSA key transport suites (openssl s_server -dcert/-dkey).
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                work.resolve("rsa-key.pem").toString(), "-out", work.resolve("rsa-cert.pem").toString(), "-subj",
                "/CN=localhost", "-days", "30"));
        List<Path> written = new ArrayList<>();
        for (Setup s : RecordingSetups.ALL) {
            String version = versions.get(s.peer());
            Path dir = root.resolve(s.peer().folder(version));
            Files.createDirectories(dir);
            if (stillValid(dir.resolve(s.name() + ".json"), s, version)) {
                continue;
            }
            written.add(record(s, version, cert, key, dir));
        }
        return written;
    }

    /**
     * Re-recording rewrites only what changed: an existing recording made against the same peer version, with the
     * same suite and groups, that still replays, is kept as it is.
     */
    private static boolean stillValid(Path file, Setup s, String version) {
        if (!Files.exists(file)) {
            return false;
        }
        tlsconf.vectors.LoadResult existing = tlsconf.vectors.VectorLoader.load(List.of(file));
        if (!existing.valid() || existing.files().size() != 1
                || !(existing.files().get(0).body() instanceof tlsconf.vectors.kind.Recording r)) {
            return false;
        }
        return r.peer().version().equals(version) && s.suite().equals(r.configuration().get("suite"))
                && s.groups().equals(r.configuration().get("groups"))
                && s.tls().equals(r.configuration().getOrDefault("tls", "1.3"))
                && RecordingReplay.run(existing.files().get(0)).status() == Outcome.Status.PASSED;
    }

    private static Path record(Setup s, String version, Path cert, Path key, Path dir)
            throws IOException, InterruptedException {
        if (s.peer().isClient()) {
            return recordServer(s, version, cert, key, dir);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        s.peer().command(port, cert, key, s.tls()).forEach(o -> command.add(o.replace("{connections}",
                Integer.toString(s.connections()))));
        s.serverOptions().forEach(o -> command.add(placeholders(o, cert)));
        if (s.peer() == Peer.GNUTLS && !s.clientAuth()) {
            command.add("--disable-client-cert");
        }
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        Thread pump = new Thread(() -> {
            try (InputStream in = server.getInputStream()) {
                byte[] b = new byte[4096];
                for (int n; (n = in.read(b)) > 0;) {
                    output.append(new String(b, 0, n, StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "s_server output");
        pump.setDaemon(true);
        pump.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> output.indexOf(s.peer().ready) >= 0
                    || !server.isAlive());
            if (!server.isAlive()) {
                throw new IllegalStateException("s_server exited: " + output);
            }
            Map<String, String> config = new LinkedHashMap<>();
            config.put("role", "client");
            config.put("tls", s.tls());
            config.put("suite", s.suite());
            config.put("groups", s.groups());
            config.put("seed", Integer.toString(Math.abs(s.name().hashCode())));
            config.put("serverName", "localhost");
            config.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            if (s.clientAuth()) {
                credentials(config, cert, key);
            }
            List<Object[]> flows = new ArrayList<>();
            // A session store only when a later connection resumes: offering tickets changes the ClientHello.
            RecordedClient.Sessions sessions = s.connections() > 1 ? RecordedClient.Sessions.fresh() : null;
            for (int n = 0; n < s.connections(); n++) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                    RecordedClient.drive(RecordedClient.config(config, n, sessions),
                            wire(socket, socket.getOutputStream(), socket.getInputStream(), flows, n));
                }
            }
            return write(dir, s, version, command, config, flows);
        } finally {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Our reference server against a client peer process started once it listens. */
    private static Path recordServer(Setup s, String version, Path cert, Path key, Path dir)
            throws IOException, InterruptedException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("role", "server");
        config.put("tls", s.tls());
        config.put("suite", s.suite());
        config.put("groups", s.groups());
        config.put("seed", Integer.toString(Math.abs(s.name().hashCode())));
        config.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        // The suite decides our server's certificate: the RSA pair for ECDHE-RSA and RSA key transport.
        if (s.clientAuth()) {
            config.put("clientAuth", "REQUIRE");
        }
        boolean rsa = s.suite().contains("_RSA_");
        credentials(config, rsa ? cert.resolveSibling("rsa-cert.pem") : cert,
                rsa ? cert.resolveSibling("rsa-key.pem") : key);
        List<Object[]> flows = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        // One server configuration for every connection: its ticket key opens on connection 1 what it sealed on 0.
        tlsconf.impl.TlsConfig ours = RecordedClient.config(config);
        Path session = cert.resolveSibling("session.pem");
        Files.deleteIfExists(session);
        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10000);
            // One peer process per connection (s_client -sess_out, then -sess_in), except gnutls-cli --resume, which
            // makes both connections itself.
            boolean oneProcess = s.serverOptions().contains("--resume");
            Process client = null;
            try {
                for (int n = 0; n < s.connections(); n++) {
                    if (client == null || !oneProcess) {
                        client = startClient(s, listener, cert, key, session, n, commands);
                    }
                    acceptOne(listener, ours, flows, n);
                    if (!oneProcess) {
                        stop(client);
                    }
                }
            } finally {
                if (client != null) {
                    stop(client);
                }
            }
        }
        return write(dir, s, version, List.of(String.join(" ; ", commands)), config, flows);
    }

    private static void acceptOne(ServerSocket listener, tlsconf.impl.TlsConfig ours, List<Object[]> flows, int n)
            throws IOException {
        try (Socket socket = listener.accept()) {
            RecordedClient.drive(ours, wire(socket, socket.getOutputStream(), socket.getInputStream(), flows, n));
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Starts the client peer for connection {@code n} and notes its command line. */
    private static Process startClient(Setup s, ServerSocket listener, Path cert, Path key, Path session, int n,
            List<String> commands) throws IOException {
        List<String> command = s.peer().command(listener.getLocalPort(), cert, key, s.tls());
        for (String o : s.serverOptions()) {
            if (o.equals("{resume}")) {
                // openssl s_client keeps the session of connection 0 in a file and offers it on the next.
                command.addAll(List.of(n == 0 ? "-sess_out" : "-sess_in", session.toString()));
            } else {
                command.add(placeholders(o, cert));
            }
        }
        commands.add(String.join(" ", command));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** {cert}/{key}: the ECDSA pair (also the CA file for client authentication); {rsacert}/{rsakey}: the RSA pair. */
    private static String placeholders(String option, Path cert) {
        return option.replace("{cert}", cert.toString()).replace("{key}", cert.resolveSibling("key.pem").toString())
                .replace("{rsacert}", cert.resolveSibling("rsa-cert.pem").toString())
                .replace("{rsakey}", cert.resolveSibling("rsa-key.pem").toString());
    }

    /** Our side's certificate and key (DER hex), from the PEM files generated for this recording run. */
    private static void credentials(Map<String, String> config, Path cert, Path key)
            throws IOException, InterruptedException {
        config.put("certificate", Bytes.toHex(derOf(List.of("openssl", "x509", "-in", cert.toString(), "-outform",
                "DER"))));
        config.put("privateKey", Bytes.toHex(derOf(List.of("openssl", "pkcs8", "-topk8", "-nocrypt", "-in",
                key.toString(), "-outform", "DER"))));
    }

    private static RecordedClient.Wire wire(Socket socket, OutputStream o, InputStream in, List<Object[]> flows,
            int connection) {
        return new RecordedClient.Wire() {
            @Override
            public void write(byte[] bytes) throws IOException {
                if (bytes.length > 0) {
                    o.write(bytes);
                    o.flush();
                    flows.add(new Object[] {"us", bytes, connection});
                }
            }

            @Override
            public byte[] read() throws IOException {
                byte[] got = readQuiet(socket, in);
                if (got.length > 0) {
                    flows.add(new Object[] {"peer", got, connection});
                }
                return got;
            }
        };
    }

    private static byte[] derOf(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("failed: " + cmd);
        }
        return out;
    }

    /** What the peer sends until it is quiet: up to 2 s for the first byte, then until 300 ms pass with none. */
    private static byte[] readQuiet(Socket socket, InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] b = new byte[16384];
        socket.setSoTimeout(2000);
        for (int i = 0; i < 1000; i++) {
            int n;
            try {
                n = in.read(b);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            got.write(b, 0, n);
            socket.setSoTimeout(300);
        }
        return got.toByteArray();
    }

    private static Path write(Path dir, Setup s, String version, List<String> command, Map<String, String> config,
            List<Object[]> flows) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("kind", "recording");
        root.put("id", "recordings/" + s.peer().folder(version) + "/" + s.name());
        ObjectNode source = root.putObject("source");
        source.put("name", s.peer().displayName);
        source.put("version", version);
        source.put("license", "bytes exchanged by tlsconf's reference client and " + s.peer().displayName + " ("
                + (s.peer().isGnuTls() ? "GnuTLS, LGPL-2.1+" : "OpenSSL, Apache-2.0") + "), recorded by "
                + "tlsconf.vectorrun.Recorder");
        root.put("description", s.description() + "; our deterministic " + (s.peer().isClient() ? "server" : "client")
                + " with " + s.peer().displayName + ", handshake then close_notify");
        ObjectNode peer = root.putObject("peer");
        peer.put("name", s.peer().displayName);
        peer.put("version", version);
        peer.put("command", String.join(" ", command).replaceAll("/tmp/\\S+/", "").replaceAll("127\\.0\\.0\\.1:\\d+",
                "127.0.0.1:PORT").replaceAll("-p \\d+", "-p PORT"));
        ObjectNode c = root.putObject("configuration");
        config.forEach(c::put);
        ArrayNode f = root.putArray("flows");
        for (Object[] flow : flows) {
            ObjectNode n = f.addObject();
            n.put("from", (String) flow[0]);
            n.put("bytes", Bytes.toHex((byte[]) flow[1]));
            if ((Integer) flow[2] > 0) {
                n.put("connection", (Integer) flow[2]);
            }
        }
        Path file = dir.resolve(s.name() + ".json");
        Files.writeString(file, json.writeValueAsString(root) + "\n");
        return file;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timeout: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(cmd + " failed: " + new String(out, StandardCharsets.US_ASCII));
        }
        return new String(out, StandardCharsets.US_ASCII);
    }
}
