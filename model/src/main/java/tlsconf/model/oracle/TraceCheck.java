package tlsconf.model.oracle;

import java.util.List;
import java.util.Optional;
import tlsconf.model.State;
import tlsconf.model.event.Event;

/**
 * The oracle's verdict on a whole trace: the decision for each event up to and including the first rejected
 * one, and the state reached.
 */
public record TraceCheck(List<Event> trace, List<Decision> decisions, State finalState, boolean accepting) {

    public TraceCheck {
        trace = List.copyOf(trace);
        decisions = List.copyOf(decisions);
    }

    /** Every event allowed. */
    public boolean valid() {
        return decisions.stream().allMatch(Decision::allowed) && decisions.size() == trace.size();
    }

    /** Every event allowed and the trace ends in CONNECTED or a later accepting state. */
    public boolean complete() {
        return valid() && accepting;
    }

    /** The first rejection, if any. */
    public Optional<Decision.Rejected> rejection() {
        for (Decision d : decisions) {
            if (d instanceof Decision.Rejected r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Index of the first rejected event, or -1. */
    public int rejectedAt() {
        for (int i = 0; i < decisions.size(); i++) {
            if (!decisions.get(i).allowed()) {
                return i;
            }
        }
        return -1;
    }
}
