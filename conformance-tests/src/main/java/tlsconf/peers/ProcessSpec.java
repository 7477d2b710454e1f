package tlsconf.peers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to start one peer process: the command (no shell: each argument as it is), extra environment, where to
 * log, what "ready" means and how long to wait for it.
 *
 * @param name          short label for messages and the log file name ("openssl s_server")
 * @param command       program and arguments; the program is looked up on the PATH
 * @param debianPackage package that provides the program, for the "not installed" message
 * @param environment   variables added to the inherited environment (e.g. SSLKEYLOGFILE)
 * @param logDir        directory for the full output log, or null for memory only
 * @param readiness     when the peer counts as started
 * @param readyTimeout  bound on the readiness wait
 * @param failure       output that means the start failed although the process lives on, or null (gnutls-serv
 *                      keeps running on IPv6 when its IPv4 port is taken)
 * @param input         whether the process gets a stdin pipe for {@link PeerProcess#sendLine}; without,
 *                      stdin is /dev/null (NSS tstclnt spins on a pipe)
 */
public record ProcessSpec(String name, List<String> command, String debianPackage, Map<String, String> environment,
                          Path logDir, Readiness readiness, Duration readyTimeout, Pattern failure,
                          boolean input) {

    /** Default bound on readiness: peers here start in well under a second. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(10);

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command for " + name);
        }
        Objects.requireNonNull(debianPackage, "debianPackage");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
    }

    public static ProcessSpec of(String name, String debianPackage, List<String> command) {
        return new ProcessSpec(name, command, debianPackage, Map.of(), null, Readiness.started(),
                DEFAULT_READY_TIMEOUT, null, true);
    }

    public ProcessSpec withReadiness(Readiness r) {
        return new ProcessSpec(name, command, debianPackage, environment, logDir, r, readyTimeout, failure, input);
    }

    public ProcessSpec withReadyTimeout(Duration d) {
        return new ProcessSpec(name, command, debianPackage, environment, logDir, readiness, d, failure, input);
    }

    public ProcessSpec withLogDir(Path dir) {
        return new ProcessSpec(name, command, debianPackage, environment, dir, readiness, readyTimeout, failure, input);
    }

    public ProcessSpec withEnvironment(Map<String, String> env) {
        return new ProcessSpec(name, command, debianPackage, env, logDir, readiness, readyTimeout, failure, input);
    }

    /** Output matching {@code regex} (find) ends the readiness wait as a failed start. */
    public ProcessSpec withFailure(String regex) {
        return new ProcessSpec(name, command, debianPackage, environment, logDir, readiness, readyTimeout,
                Pattern.compile(regex), input);
    }

    /** Stdin from /dev/null instead of a pipe. */
    public ProcessSpec withoutInput() {
        return new ProcessSpec(name, command, debianPackage, environment, logDir, readiness, readyTimeout, failure,
                false);
    }

    /** The program name as given ("openssl"). */
    public String program() {
        return command.get(0);
    }

    /** The command as one line, for logs (not for a shell). */
    public String commandLine() {
        return String.join(" ", command);
    }
}
