package tlsconf.peers.wolfssl;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import tlsconf.peers.Binaries;
import tlsconf.peers.PeerException;

/**
 * Compiles tlsconf's small wolfSSL peer (a C file shipped in the jar) against Debian's libwolfssl on first use, into
 * {@code java.io.tmpdir/tlsconf-wolfssl-<hash of the source>/}, so a changed source is rebuilt and an unchanged one
 * is compiled once per machine. Needs gcc and the headers of libwolfssl-dev.
 */
final class WolfSslBuild {

    static final String PACKAGE = "libwolfssl-dev";
    private static final String SOURCE = "/tlsconf/peers/wolfssl/tlsconf-wolfssl-peer.c";
    private static final Path HEADER = Path.of("/usr/include/wolfssl/ssl.h");
    private static final long COMPILE_SECONDS = 120;
    private static Path binary;

    private WolfSslBuild() {
    }

    /** The one line to print when the peer cannot be built here, or empty. */
    static Optional<String> missing() {
        Optional<String> gcc = Binaries.missing("gcc", "gcc");
        if (gcc.isPresent()) {
            return gcc;
        }
        return Files.isRegularFile(HEADER) ? Optional.empty()
                : Optional.of("wolfSSL headers (" + HEADER + ") not installed (apt-get install -y " + PACKAGE + ")");
    }

    /** The compiled peer, built now if needed. Throws a one-line {@link PeerException} when it cannot be. */
    static synchronized Path binary() {
        if (binary != null && Files.isExecutable(binary)) {
            return binary;
        }
        missing().ifPresent(reason -> {
            throw new PeerException(PeerException.Kind.NOT_INSTALLED, reason);
        });
        byte[] source = source();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "tlsconf-wolfssl-" + hash(source));
        Path out = dir.resolve("tlsconf-wolfssl-peer");
        if (!Files.isExecutable(out)) {
            compile(source, dir, out);
        }
        binary = out;
        return out;
    }

    private static byte[] source() {
        try (InputStream in = WolfSslBuild.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new PeerException(PeerException.Kind.IO, "the wolfSSL peer source " + SOURCE
                        + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PeerException(PeerException.Kind.IO, "cannot read " + SOURCE + ": " + e.getMessage(), e);
        }
    }

    private static String hash(byte[] source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** gcc into a temporary name, then an atomic rename: a concurrent or killed build never leaves half a binary. */
    private static void compile(byte[] source, Path dir, Path out) {
        try {
            Files.createDirectories(dir);
            Path c = Files.createTempFile(dir, "peer-", ".c");
            Files.write(c, source);
            Path tmp = Files.createTempFile(dir, "peer-", ".bin");
            List<String> cmd = List.of("gcc", "-O1", "-Wall", "-o", tmp.toString(), c.toString(), "-lwolfssl");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                if (!p.waitFor(COMPILE_SECONDS, TimeUnit.SECONDS)) {
                    throw new PeerException(PeerException.Kind.TIMED_OUT, "gcc did not compile the wolfSSL peer within "
                            + COMPILE_SECONDS + " s");
                }
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.exitValue() != 0) {
                    throw new PeerException(PeerException.Kind.START_FAILED, "cannot compile the wolfSSL peer ("
                            + String.join(" ", cmd) + "): " + said.lines().limit(3).reduce((a, b) -> a + " | " + b)
                            .orElse("exit " + p.exitValue()));
                }
            } finally {
                p.destroyForcibly();
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(c);
        } catch (IOException e) {
            throw new PeerException(PeerException.Kind.IO, "cannot build the wolfSSL peer in " + dir + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException(PeerException.Kind.IO, "interrupted while compiling the wolfSSL peer", e);
        }
    }
}
