package tlsconf.conformance.target;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * A TLS client started once per scenario by a command line with {@code {host}} and {@code {port}} placeholders
 * ({@code --client-command}), and optionally {@code {ca}} (a PEM file of the suite's test roots, to trust) and
 * {@code {servername}} (the name the client must check, which name-defect scenarios change). The suite listens on 127.0.0.1, starts the command through {@code /bin/sh -c}, and
 * kills it (and its children) when the scenario ends.
 */
public class ClientCommandTarget implements Target {
    private final String name;
    private final String description;
    private final String template;
    private final Set<TlsVersion> versions;
    private final Set<Capability> capabilities;
    private final Duration acceptTimeout;
    private final java.nio.file.Path caFile;
    private final java.util.function.Function<Scenario, String> serverName;

    public ClientCommandTarget(String name, String description, String template, Set<TlsVersion> versions,
                               Set<Capability> capabilities, Duration acceptTimeout, java.nio.file.Path caFile,
                               java.util.function.Function<Scenario, String> serverName) {
        if (!template.contains("{port}")) {
            throw new IllegalArgumentException("--client-command must contain the {port} placeholder: '"
                    + template + "'");
        }
        this.name = name;
        this.description = description;
        this.template = template;
        this.versions = Set.copyOf(versions);
        this.capabilities = Set.copyOf(capabilities);
        this.acceptTimeout = acceptTimeout;
        this.caFile = caFile;
        this.serverName = serverName;
    }

    /**
     * A client command; it verifies the server's chain (a certificate check applies) only when it uses the
     * {@code {ca}} placeholder.
     */
    public static ClientCommandTarget of(String template, Duration acceptTimeout, java.nio.file.Path caFile,
                                         java.util.function.Function<Scenario, String> serverName) {
        Set<Capability> caps = EnumSet.of(Capability.OBSERVABLE_COMPLETION);
        if (template.contains("{ca}")) {
            caps.add(Capability.VERIFIES_SERVER_CERTIFICATE);
        }
        return new ClientCommandTarget("client", "TLS client '" + template + "'", template,
                EnumSet.of(TlsVersion.TLS_1_3), caps, acceptTimeout, caFile, serverName);
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
        return Role.CLIENT;
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
        String program = template.trim().split("\\s+")[0];
        if (!isExecutable(program)) {
            throw new TargetSetupException("client command: '" + program + "' is not installed or not executable");
        }
    }

    static boolean isExecutable(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Connection open(Scenario scenario) {
        ServerSocket listener = null;
        Process process = null;
        try {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            listener.setSoTimeout((int) acceptTimeout.toMillis());
            String command = template.replace("{host}", "127.0.0.1")
                    .replace("{port}", Integer.toString(listener.getLocalPort()))
                    .replace("{ca}", caFile == null ? "" : caFile.toString())
                    .replace("{servername}", serverName.apply(scenario));
            process = new ProcessBuilder(List.of("/bin/sh", "-c", command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            return new ProcessConnection(socket, process);
        } catch (SocketTimeoutException e) {
            kill(process);
            throw new TargetSetupException("the client command did not connect within " + acceptTimeout.toMillis()
                    + " ms: " + template);
        } catch (IOException e) {
            kill(process);
            throw new TargetSetupException("cannot start the client command '" + template + "': " + e.getMessage());
        } finally {
            if (listener != null) {
                try {
                    listener.close();
                } catch (IOException ignored) {
                    // The accepted socket stays open; the listener is no longer needed.
                }
            }
        }
    }

    /** Kills a started process and everything it started; waits a bounded time for it to go. */
    static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The socket to the client plus its process, killed on close. */
    private static final class ProcessConnection extends SocketConnection {
        private final Process process;

        ProcessConnection(Socket socket, Process process) {
            super(socket);
            this.process = process;
        }

        @Override
        public void close() {
            super.close();
            kill(process);
        }
    }

    @Override
    public void close() {
        // Each scenario's process is killed when its connection closes.
    }
}
