package tlsconf.peers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finding peer binaries on the PATH and asking them for their version. */
public final class Binaries {

    private Binaries() {
    }

    /** The executable {@code name} resolves to on the PATH, if any (a name with a '/' is taken as a path). */
    public static Optional<Path> find(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static boolean installed(String name) {
        return find(name).isPresent();
    }

    /**
     * The one line to print when one of {@code programs} (all from {@code debianPackage}) is missing: {@code
     * selfserv not installed (apt-get install -y libnss3-tools)}; empty when all are on the PATH.
     */
    public static Optional<String> missing(String debianPackage, String... programs) {
        for (String program : programs) {
            if (!installed(program)) {
                return Optional.of(program + " not installed (apt-get install -y " + debianPackage + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * The binary's path, or a {@link PeerException} of kind NOT_INSTALLED whose message is the one line to
     * print: {@code openssl not installed (apt-get install -y openssl)}.
     */
    public static Path require(String name, String debianPackage) {
        return find(name).orElseThrow(() -> new PeerException(PeerException.Kind.NOT_INSTALLED,
                name + " not installed (apt-get install -y " + debianPackage + ")"));
    }

    /**
     * The first non-blank output line of a short command such as {@code openssl version}, run with a 10 s bound.
     */
    public static String firstLineOf(String debianPackage, String... command) {
        require(command[0], debianPackage);
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    throw new PeerException(PeerException.Kind.TIMED_OUT,
                            String.join(" ", cmd) + " did not finish within 10 s");
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return out.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                        .orElseThrow(() -> new PeerException(PeerException.Kind.EXITED_EARLY,
                                String.join(" ", cmd) + " printed nothing (exit " + p.exitValue() + ")"));
            } finally {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new PeerException(PeerException.Kind.IO, "cannot run " + String.join(" ", cmd) + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException(PeerException.Kind.IO, "interrupted while running " + String.join(" ", cmd), e);
        }
    }
}
