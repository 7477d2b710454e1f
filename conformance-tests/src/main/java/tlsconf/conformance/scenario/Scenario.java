package tlsconf.conformance.scenario;

import java.util.List;
import java.util.stream.Collectors;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * One playable case: a handshake of {@code version} against a target in {@code targetRole}, with the test peer's
 * {@code faults}, and the reaction a conforming target must show. Complete in itself, so a replay file needs
 * nothing from the catalogue to re-run and re-judge it.
 *
 * @param checkId     the check that produced it
 * @param index       its number within the check (stable for a seed)
 * @param options     handshake options of the test peer (e.g. "client-auth"), named, never hidden flags
 */
public record Scenario(String checkId, int index, TlsVersion version, Role targetRole, List<String> options,
                       List<Fault> faults, Expectation expected) {
    /**
     * Option: the target's ServerHello (not a HelloRetryRequest) counts as accepting the peer's ClientHello. For
     * ClientHello mutations the target must accept: the peer cannot complete a handshake over a transcript that
     * differs from the bytes it sent.
     */
    public static final String SERVER_HELLO_ACCEPTS = "server-hello-accepts";

    public Scenario {
        options = List.copyOf(options);
        faults = List.copyOf(faults);
    }

    public Scenario withFaults(List<Fault> newFaults) {
        return new Scenario(checkId, index, version, targetRole, options, newFaults, expected);
    }

    public boolean hasOption(String option) {
        return options.contains(option);
    }

    /** {@code TLS 1.3, target server: Finished: flip bit 7}. */
    public String describe() {
        String what = faults.isEmpty() ? "valid handshake"
                : faults.stream().map(Fault::describe).collect(Collectors.joining("; "));
        String opts = options.isEmpty() ? "" : " [" + String.join(", ", options) + "]";
        return "TLS " + version.label() + ", target " + targetRole.cliName() + opts + ": " + what;
    }
}
