package tlsconf.model;

import java.util.Objects;
import tlsconf.model.event.Event;

/**
 * One row of a transition table: in state {@code from}, when {@code guard} holds for the run's parameters, the
 * event {@code event} leads to {@code to}; {@code citation} says which RFC text requires it.
 *
 * <p>An {@link Effect#IGNORE} row is a rule "the receiver drops this and stays where it is" (a middlebox
 * ChangeCipherSpec in TLS 1.3, rejected 0-RTT records, a HelloRequest during a TLS 1.2 handshake).
 */
public record Transition(State from, Event event, Guard guard, State to, Citation citation, Effect effect) {

    public enum Effect {
        /** A step of the handshake. */
        STEP,
        /** Allowed and dropped without effect; always a self-loop. */
        IGNORE
    }

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(effect, "effect");
        if (effect == Effect.IGNORE && from != to) {
            throw new IllegalArgumentException("an ignored event stays in its state: " + from + " -> " + to);
        }
    }

    public boolean enabled(RunParameters parameters) {
        return guard.test(parameters);
    }

    public boolean isSelfLoop() {
        return from == to;
    }

    /** {@code WAIT_EE --recv EncryptedExtensions [hs] [!resumption]--> WAIT_CERT_CR}. */
    @Override
    public String toString() {
        String g = guard.isAlways() ? "" : " [" + guard.label() + "]";
        String e = effect == Effect.IGNORE ? " (ignored)" : "";
        return from.name() + " --" + event + g + e + "--> " + to.name();
    }
}
