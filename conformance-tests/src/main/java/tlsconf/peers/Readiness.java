package tlsconf.peers;

import java.util.List;
import java.util.regex.Pattern;

/**
 * When a started peer counts as ready. Checked by polling (with a bound) while the process lives; a process that
 * exits first is an early exit, never "ready".
 */
public sealed interface Readiness {

    /** Whether the peer is ready now. */
    boolean isReady(OutputTail output);

    /** For error messages: "port 4433 accepting", "output line matching ACCEPT". */
    String describe();

    /** Ready as soon as the process runs (clients: what they do next is the test's business). */
    static Readiness started() {
        return new Started();
    }

    /** Ready once 127.0.0.1:port accepts a TCP connection. The probe is one connection the peer sees and drops. */
    static Readiness portAccepting(int port) {
        return new PortAccepting(port);
    }

    /** Ready once a line of output matches {@code regex} (find semantics). */
    static Readiness outputLine(String regex) {
        return new OutputLine(Pattern.compile(regex));
    }

    /** Ready once all of {@code parts} are. */
    static Readiness allOf(Readiness... parts) {
        return new AllOf(List.of(parts));
    }

    record Started() implements Readiness {
        @Override
        public boolean isReady(OutputTail output) {
            return true;
        }

        @Override
        public String describe() {
            return "process started";
        }
    }

    record PortAccepting(int port) implements Readiness {
        @Override
        public boolean isReady(OutputTail output) {
            return FreePorts.accepting(port, 200);
        }

        @Override
        public String describe() {
            return "127.0.0.1:" + port + " accepting connections";
        }
    }

    record OutputLine(Pattern pattern) implements Readiness {
        @Override
        public boolean isReady(OutputTail output) {
            return output.firstMatch(pattern).isPresent();
        }

        @Override
        public String describe() {
            return "an output line matching /" + pattern.pattern() + "/";
        }
    }

    record AllOf(List<Readiness> parts) implements Readiness {
        public AllOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean isReady(OutputTail output) {
            return parts.stream().allMatch(p -> p.isReady(output));
        }

        @Override
        public String describe() {
            return String.join(" and ", parts.stream().map(Readiness::describe).toList());
        }
    }
}
