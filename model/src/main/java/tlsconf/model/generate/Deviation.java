package tlsconf.model.generate;

import java.util.List;
import java.util.Objects;
import tlsconf.model.RunParameters;
import tlsconf.model.event.Event;
import tlsconf.model.oracle.Decision;
import tlsconf.model.oracle.Reaction;

/**
 * A deviating trace and the model's expected reaction: the trace is valid up to its last event, which the side
 * under test receives and must reject as {@link #expected()} says.
 *
 * @param kind how the valid path was changed
 * @param name a readable name ({@code skip CertificateVerify [hs] in WAIT_CV})
 * @param parameters the run's parameters
 * @param trace the events to play; the last one is the offending one
 * @param rejection the oracle's decision on the last event
 */
public record Deviation(DeviationKind kind, String name, RunParameters parameters, List<Event> trace,
        Decision.Rejected rejection) {

    public Deviation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(rejection, "rejection");
        trace = List.copyOf(trace);
        if (trace.isEmpty() || !trace.get(trace.size() - 1).equals(rejection.event())) {
            throw new IllegalArgumentException("a deviation's trace ends with the rejected event");
        }
    }

    /** The event the side must reject. */
    public Event offending() {
        return trace.get(trace.size() - 1);
    }

    /** What a conforming side does on receiving {@link #offending()}. */
    public Reaction expected() {
        return rejection.reaction();
    }

    /** {@code skip Certificate [hs] in WAIT_CERT_CR [kx=ECDHE] -> fatal alert unexpected_message (10) ...}. */
    public String describe() {
        return name + " [" + parameters.describe() + "] -> " + expected().describe();
    }
}
