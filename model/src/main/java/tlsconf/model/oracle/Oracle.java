package tlsconf.model.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tlsconf.model.Model;
import tlsconf.model.RunParameters;
import tlsconf.model.State;
import tlsconf.model.Transition;
import tlsconf.model.event.Event;

/**
 * The model as a judge: for a model and the run's parameters, says of each event whether a conforming side
 * allows it and, if not, how it must react. Pure and immutable: the same inputs always give the same answer.
 *
 * <pre>{@code
 * Oracle oracle = Oracle.of(Models.of(TLS_1_3, CLIENT), RunParameters.defaults());
 * Decision d = oracle.next(eventsSoFar, Event.received(FINISHED, PLAINTEXT));
 * if (d instanceof Decision.Rejected r) { r.reaction() ... }
 * }</pre>
 */
public final class Oracle {

    private final Model model;
    private final RunParameters parameters;

    private Oracle(Model model, RunParameters parameters) {
        this.model = model;
        this.parameters = parameters;
    }

    /** An oracle for {@code model}; inconsistent parameters are an {@link IllegalArgumentException} naming why. */
    public static Oracle of(Model model, RunParameters parameters) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parameters, "parameters");
        List<String> problems = parameters.problemsFor(model.version());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("run parameters impossible for " + model.title() + ": "
                    + String.join("; ", problems));
        }
        return new Oracle(model, parameters);
    }

    /** Shorthand for {@code Oracle.of(Models.of(version, role), parameters)}. */
    public static Oracle of(tlsconf.model.vocabulary.TlsVersion version, tlsconf.model.vocabulary.Role role,
            RunParameters parameters) {
        return of(tlsconf.model.Models.of(version, role), parameters);
    }

    public Model model() {
        return model;
    }

    public RunParameters parameters() {
        return parameters;
    }

    /** The decision for {@code event} in {@code state}. */
    public Decision step(State state, Event event) {
        Optional<Transition> t = model.find(state, event, parameters);
        if (t.isPresent()) {
            return t.get().effect() == Transition.Effect.IGNORE
                    ? new Decision.Ignored(t.get())
                    : new Decision.Accepted(t.get());
        }
        return new Decision.Rejected(state, event, Reactions.forRejected(model, state, event, parameters));
    }

    /** Checks a whole trace from the initial state; stops at the first rejected event. */
    public TraceCheck check(List<Event> trace) {
        State state = model.initial();
        List<Decision> decisions = new ArrayList<>();
        for (Event e : trace) {
            Decision d = step(state, e);
            decisions.add(d);
            if (!d.allowed()) {
                break;
            }
            state = d.next();
        }
        return new TraceCheck(trace, decisions, state, model.accepting().contains(state));
    }

    /** The state after a valid {@code history}; an {@link IllegalArgumentException} names the first bad event. */
    public State stateAfter(List<Event> history) {
        TraceCheck c = check(history);
        if (!c.valid()) {
            int i = c.rejectedAt();
            throw new IllegalArgumentException("event " + i + " (" + history.get(i) + ") of the history is not "
                    + "allowed in " + c.finalState().name() + ": " + c.rejection().orElseThrow().reaction().describe());
        }
        return c.finalState();
    }

    /** The decision for {@code next} after the valid {@code history}. */
    public Decision next(List<Event> history, Event next) {
        return step(stateAfter(history), next);
    }

    /** The events allowed as the next step after {@code history} (steps and ignored events), in table order. */
    public List<Event> allowedNext(List<Event> history) {
        State s = stateAfter(history);
        return model.enabled(s, parameters).stream().map(Transition::event).toList();
    }
}
