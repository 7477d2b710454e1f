package tlsconf.model.oracle;

import java.util.Objects;
import tlsconf.model.State;
import tlsconf.model.Transition;
import tlsconf.model.event.Event;

/** The oracle's answer for one event in one state. */
public sealed interface Decision {

    /** The state the event was judged in. */
    State state();

    Event event();

    /** Whether a conforming side lets the run go on (a step or an ignored event). */
    boolean allowed();

    /** The state after the event; the same state when the event is ignored or rejected. */
    State next();

    /** A step of the handshake. */
    record Accepted(Transition transition) implements Decision {
        public Accepted {
            Objects.requireNonNull(transition, "transition");
        }

        @Override
        public State state() {
            return transition.from();
        }

        @Override
        public Event event() {
            return transition.event();
        }

        @Override
        public boolean allowed() {
            return true;
        }

        @Override
        public State next() {
            return transition.to();
        }
    }

    /** Allowed and dropped: the RFC says to ignore it. */
    record Ignored(Transition transition) implements Decision {
        public Ignored {
            Objects.requireNonNull(transition, "transition");
        }

        @Override
        public State state() {
            return transition.from();
        }

        @Override
        public Event event() {
            return transition.event();
        }

        @Override
        public boolean allowed() {
            return true;
        }

        @Override
        public State next() {
            return transition.from();
        }

        public Reaction.Ignore reaction() {
            return new Reaction.Ignore(transition.citation());
        }
    }

    /**
     * Not allowed. For a received event {@code reaction} is what the modelled side must do; for a sent event
     * the modelled side itself broke the protocol and {@code reaction} is what its peer must do.
     */
    record Rejected(State state, Event event, Reaction reaction) implements Decision {
        public Rejected {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(reaction, "reaction");
            if (reaction instanceof Reaction.Ignore) {
                throw new IllegalArgumentException("a rejection has an abort or close reaction");
            }
        }

        @Override
        public boolean allowed() {
            return false;
        }

        @Override
        public State next() {
            return state;
        }
    }
}
