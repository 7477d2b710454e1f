package tlsconf.model.generate;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import tlsconf.model.RunParameters;
import tlsconf.model.State;
import tlsconf.model.Transition;
import tlsconf.model.event.Event;

/** A path through a model from its initial state to an accepting one, with the parameters that enable it. */
public record ValidPath(RunParameters parameters, List<Transition> transitions) {

    public ValidPath {
        Objects.requireNonNull(parameters, "parameters");
        transitions = List.copyOf(transitions);
        if (transitions.isEmpty()) {
            throw new IllegalArgumentException("a path has at least one transition");
        }
    }

    public List<Event> events() {
        return transitions.stream().map(Transition::event).toList();
    }

    public State end() {
        return transitions.get(transitions.size() - 1).to();
    }

    /** {@code [kx=ECDHE] send ClientHello [plain], recv ServerHello [plain], ...}. */
    public String describe() {
        return "[" + parameters.describe() + "] "
                + transitions.stream().map(t -> t.event().toString()).collect(Collectors.joining(", "));
    }
}
