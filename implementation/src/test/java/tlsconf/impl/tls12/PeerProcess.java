package tlsconf.impl.tls12;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real TLS peer (openssl, gnutls) started as a process on 127.0.0.1: output to a file, readiness waited for with
 * Awaitility, always destroyed (with its children) on close.
 */
final class PeerProcess implements AutoCloseable {
    final Process process;
    final Path log;
    final int port;

    private PeerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static PeerProcess start(List<String> command, Path dir, int port, boolean stdinOpen) throws IOException {
        Path log = Files.createTempFile(dir, "peer", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (!stdinOpen) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        return new PeerProcess(pb.start(), log, port);
    }

    /** A server: waits until it accepts TCP connections on 127.0.0.1:port (at most 15 s). */
    static PeerProcess server(List<String> command, Path dir, int port) throws IOException {
        PeerProcess p = start(command, dir, port, true);
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (!p.process.isAlive()) {
                    throw new AssertionError("peer exited early: " + p.output());
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (RuntimeException | Error e) {
            p.close();
            throw e;
        }
        return p;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Waits for the process to end (bounded) and returns its exit code. */
    int waitFor(Duration d) throws InterruptedException {
        if (!process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("peer did not exit within " + d + ": " + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
