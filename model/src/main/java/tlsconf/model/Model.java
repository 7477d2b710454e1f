package tlsconf.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import tlsconf.model.event.Event;
import tlsconf.model.event.Protection;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * One handshake machine (version and role) as data: its states, its transition table, and two facts the
 * oracle needs besides the table: which keys the side reads with in each state, and in which states it has
 * received the peer's Finished. Immutable; get one from {@link Models}.
 */
public final class Model {

    private final TlsVersion version;
    private final Role role;
    private final List<State> states;
    private final State initial;
    private final State connected;
    private final Set<State> accepting;
    private final Set<State> peerFinishedReceived;
    private final BiFunction<State, RunParameters, Protection> receiveKeys;
    private final List<Transition> transitions;
    private final List<RecordSkip> skips;

    private Model(Builder<?> b) {
        this.version = b.version;
        this.role = b.role;
        this.states = List.copyOf(b.states);
        this.initial = Objects.requireNonNull(b.initial, "initial state");
        this.connected = Objects.requireNonNull(b.connected, "connected state");
        this.accepting = Collections.unmodifiableSet(new LinkedHashSet<>(b.accepting));
        this.peerFinishedReceived = Collections.unmodifiableSet(new LinkedHashSet<>(b.peerFinishedReceived));
        this.receiveKeys = Objects.requireNonNull(b.receiveKeys, "receive keys");
        this.transitions = List.copyOf(b.transitions);
        this.skips = List.copyOf(b.skips);
        for (Transition t : transitions) {
            if (!states.contains(t.from()) || !states.contains(t.to())) {
                throw new IllegalStateException("transition outside the model's states: " + t);
            }
        }
    }

    public static <S extends Enum<S> & State> Builder<S> builder(TlsVersion version, Role role, Class<S> states) {
        return new Builder<>(version, role, states);
    }

    public TlsVersion version() {
        return version;
    }

    public Role role() {
        return role;
    }

    /** "TLS 1.3 client". */
    public String title() {
        return "TLS " + version.label() + " " + role.cliName();
    }

    /** All states in declaration order. */
    public List<State> states() {
        return states;
    }

    public State initial() {
        return initial;
    }

    /** The state in which the handshake is complete (CONNECTED). */
    public State connected() {
        return connected;
    }

    /** States a valid trace may end in (CONNECTED and the post-handshake states, CLOSED). */
    public Set<State> accepting() {
        return accepting;
    }

    /** Whether the side has received the peer's Finished in {@code state} (RFC 8446 §5, §4.6.3 windows). */
    public boolean peerFinishedReceived(State state) {
        return peerFinishedReceived.contains(state);
    }

    /** The keys the side reads records with in {@code state} under {@code parameters}. */
    public Protection receiveKeys(State state, RunParameters parameters) {
        return receiveKeys.apply(state, parameters);
    }

    /** The transition table in declaration order. */
    public List<Transition> transitions() {
        return transitions;
    }

    /** The record-skipping rules (each stands for an ignored self-loop on every message under its keys). */
    public List<RecordSkip> skips() {
        return skips;
    }

    /** The transitions leaving {@code state} whose guard holds. */
    public List<Transition> enabled(State state, RunParameters parameters) {
        List<Transition> out = new ArrayList<>();
        for (Transition t : transitions) {
            if (t.from() == state && t.enabled(parameters)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The transition taken by {@code event} in {@code state}, if any (the table is deterministic, a test checks
     * it); else, for a received record a {@link RecordSkip} covers, the ignored self-loop it stands for.
     */
    public Optional<Transition> find(State state, Event event, RunParameters parameters) {
        for (Transition t : transitions) {
            if (t.from() == state && t.event().equals(event) && t.enabled(parameters)) {
                return Optional.of(t);
            }
        }
        if (event.isReceived()) {
            for (RecordSkip r : skips) {
                if (r.states().contains(state) && r.protection() == event.protection() && r.guard().test(parameters)) {
                    return Optional.of(new Transition(state, event, r.guard(), state, r.citation(),
                            Transition.Effect.IGNORE));
                }
            }
        }
        return Optional.empty();
    }

    /** The state called {@code name}, or an exception naming the model and the accepted names. */
    public State state(String name) {
        for (State s : states) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no state '" + name + "' in the " + title() + " model; states: "
                + states.stream().map(State::name).toList());
    }

    @Override
    public String toString() {
        return title() + " model (" + states.size() + " states, " + transitions.size() + " transitions)";
    }

    /** Declarative construction: one call per row of the table, reading like the RFC diagrams. */
    public static final class Builder<S extends Enum<S> & State> {
        private final TlsVersion version;
        private final Role role;
        private final List<State> states;
        private State initial;
        private State connected;
        private final Set<State> accepting = new LinkedHashSet<>();
        private final Set<State> peerFinishedReceived = new LinkedHashSet<>();
        private BiFunction<State, RunParameters, Protection> receiveKeys;
        private final List<Transition> transitions = new ArrayList<>();
        private final List<RecordSkip> skips = new ArrayList<>();
        private final Class<S> type;

        private Builder(TlsVersion version, Role role, Class<S> type) {
            this.version = version;
            this.role = role;
            this.type = type;
            this.states = List.copyOf(EnumSet.allOf(type));
        }

        public Builder<S> initial(S s) {
            this.initial = s;
            return this;
        }

        public Builder<S> connected(S s) {
            this.connected = s;
            this.accepting.add(s);
            return this;
        }

        @SafeVarargs
        public final Builder<S> accepting(S... s) {
            accepting.addAll(List.of(s));
            return this;
        }

        public Builder<S> peerFinishedReceivedIn(Set<S> s) {
            peerFinishedReceived.addAll(s);
            return this;
        }

        public Builder<S> receiveKeys(BiFunction<S, RunParameters, Protection> keys) {
            this.receiveKeys = (s, p) -> keys.apply(type.cast(s), p);
            return this;
        }

        /** A step of the handshake. */
        public Builder<S> step(S from, Event event, Guard guard, S to, Citation citation) {
            transitions.add(new Transition(from, event, guard, to, citation, Transition.Effect.STEP));
            return this;
        }

        /** The same self-loop step in each of {@code in}. */
        public Builder<S> loops(Set<S> in, Event event, Guard guard, Citation citation) {
            for (S s : in) {
                step(s, event, guard, s, citation);
            }
            return this;
        }

        /** The receiver drops {@code event} in each of {@code in} and stays where it is. */
        public Builder<S> ignore(Set<S> in, Event event, Guard guard, Citation citation) {
            for (S s : in) {
                transitions.add(new Transition(s, event, guard, s, citation, Transition.Effect.IGNORE));
            }
            return this;
        }

        /** In each of {@code in}, any received record under {@code keys} is dropped (see {@link RecordSkip}). */
        public Builder<S> skipRecords(Set<S> in, Protection keys, Guard guard, Citation citation) {
            skips.add(new RecordSkip(Set.copyOf(in), keys, guard, citation));
            return this;
        }

        public Model build() {
            return new Model(this);
        }
    }
}
