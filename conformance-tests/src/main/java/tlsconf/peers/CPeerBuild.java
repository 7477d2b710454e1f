package tlsconf.peers;

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

/**
 * Compiles one of tlsconf's small C peers (a C file shipped in the jar, e.g. the wolfSSL one) against a Debian
 * library on first use, into {@code java.io.tmpdir/tlsconf-NAME-<hash of the source>/}, so a changed source is
 * rebuilt and an unchanged one is compiled once per machine. Needs gcc and the library's -dev package.
 */
public final class CPeerBuild {

    private static final long COMPILE_SECONDS = 120;

    private final String name;
    private final String resource;
    private final Path header;
    private final String debianPackage;
    private final List<String> libraries;
    private Path binary;

    /**
     * @param name          short name, also of the binary ("wolfssl": tlsconf-wolfssl-peer)
     * @param resource      the C source on the class path
     * @param header        a header of the library, whose presence means the -dev package is installed
     * @param debianPackage the package with the headers and the link library
     * @param libraries     the gcc -l arguments
     */
    public CPeerBuild(String name, String resource, Path header, String debianPackage, List<String> libraries) {
        this.name = name;
        this.resource = resource;
        this.header = header;
        this.debianPackage = debianPackage;
        this.libraries = List.copyOf(libraries);
    }

    public String debianPackage() {
        return debianPackage;
    }

    /** The one line to print when the peer cannot be built here, or empty. */
    public Optional<String> missing() {
        Optional<String> gcc = Binaries.missing("gcc", "gcc");
        if (gcc.isPresent()) {
            return gcc;
        }
        return Files.isRegularFile(header) ? Optional.empty()
                : Optional.of(name + " headers (" + header + ") not installed (apt-get install -y " + debianPackage
                        + ")");
    }

    /** The compiled peer, built now if needed. Throws a one-line {@link PeerException} when it cannot be. */
    public synchronized Path binary() {
        if (binary != null && Files.isExecutable(binary)) {
            return binary;
        }
        missing().ifPresent(reason -> {
            throw new PeerException(PeerException.Kind.NOT_INSTALLED, reason);
        });
        byte[] source = source();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "tlsconf-" + name + "-" + hash(source));
        Path out = dir.resolve("tlsconf-" + name + "-peer");
        if (!Files.isExecutable(out)) {
            compile(source, dir, out);
        }
        binary = out;
        return out;
    }

    private byte[] source() {
        try (InputStream in = CPeerBuild.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PeerException(PeerException.Kind.IO, "the " + name + " peer source " + resource
                        + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PeerException(PeerException.Kind.IO, "cannot read " + resource + ": " + e.getMessage(), e);
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
    private void compile(byte[] source, Path dir, Path out) {
        try {
            Files.createDirectories(dir);
            Path c = Files.createTempFile(dir, "peer-", ".c");
            Files.write(c, source);
            Path tmp = Files.createTempFile(dir, "peer-", ".bin");
            List<String> cmd = new java.util.ArrayList<>(List.of("gcc", "-O1", "-Wall", "-o", tmp.toString(),
                    c.toString()));
            libraries.forEach(l -> cmd.add("-l" + l));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                if (!p.waitFor(COMPILE_SECONDS, TimeUnit.SECONDS)) {
                    throw new PeerException(PeerException.Kind.TIMED_OUT, "gcc did not compile the " + name
                            + " peer within " + COMPILE_SECONDS + " s");
                }
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.exitValue() != 0) {
                    throw new PeerException(PeerException.Kind.START_FAILED, "cannot compile the " + name + " peer ("
                            + String.join(" ", cmd) + "): " + said.lines().limit(3).reduce((a, b) -> a + " | " + b)
                            .orElse("exit " + p.exitValue()));
                }
            } finally {
                p.destroyForcibly();
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(c);
        } catch (IOException e) {
            throw new PeerException(PeerException.Kind.IO, "cannot build the " + name + " peer in " + dir + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException(PeerException.Kind.IO, "interrupted while compiling the " + name + " peer", e);
        }
    }
}
