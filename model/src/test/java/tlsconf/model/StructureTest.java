package tlsconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tlsconf.model.event.Direction;
import tlsconf.model.event.Event;
import tlsconf.model.event.MessageKind;
import tlsconf.model.event.Protection;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** Structural properties of the four transition tables, over every consistent parameter combination. */
class StructureTest {

    static Stream<Model> models() {
        return Models.all().stream();
    }

    private static List<Event> allEvents() {
        List<Event> out = new ArrayList<>();
        for (Direction d : Direction.values()) {
            for (MessageKind k : MessageKind.values()) {
                for (Protection p : Protection.values()) {
                    out.add(new Event(d, k, p));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("models")
    void deterministic(Model model) {
        List<Event> events = allEvents();
        for (RunParameters p : RunParameters.all(model.version())) {
            for (State s : model.states()) {
                for (Event e : events) {
                    List<Transition> matching = model.enabled(s, p).stream().filter(t -> t.event().equals(e)).toList();
                    assertTrue(matching.size() <= 1, () -> model.title() + " [" + p.describe() + "] " + s.name()
                            + " has " + matching.size() + " transitions on " + e + ": " + matching);
                }
            }
        }
    }

    private static Set<State> reachable(Model model, RunParameters p) {
        Set<State> seen = new HashSet<>(Set.of(model.initial()));
        Deque<State> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            for (Transition t : model.enabled(todo.pop(), p)) {
                if (seen.add(t.to())) {
                    todo.push(t.to());
                }
            }
        }
        return seen;
    }

    private static boolean canReach(Model model, RunParameters p, State from, State target) {
        Set<State> seen = new HashSet<>(Set.of(from));
        Deque<State> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            State s = todo.pop();
            if (s == target) {
                return true;
            }
            for (Transition t : model.enabled(s, p)) {
                if (seen.add(t.to())) {
                    todo.push(t.to());
                }
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyStateReachableUnderSomeParameters(Model model) {
        Set<State> all = new HashSet<>();
        for (RunParameters p : RunParameters.all(model.version())) {
            all.addAll(reachable(model, p));
        }
        Set<String> missing = model.states().stream().filter(s -> !all.contains(s)).map(State::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of(), missing, model.title() + ": unreachable states");
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyNonTerminalStateCanStillReachConnected(Model model) {
        for (RunParameters p : RunParameters.all(model.version())) {
            for (State s : reachable(model, p)) {
                boolean terminal = model.enabled(s, p).isEmpty();
                if (terminal) {
                    assertTrue(model.accepting().contains(s), () -> model.title() + " [" + p.describe()
                            + "] dead end in " + s.name());
                } else if (!canReach(model, p, s, model.connected())) {
                    fail(model.title() + " [" + p.describe() + "] " + s.name() + " cannot reach CONNECTED");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void receivedStepsUseTheKeysOfTheirState(Model model) {
        for (RunParameters p : RunParameters.all(model.version())) {
            for (Transition t : model.transitions()) {
                if (t.enabled(p) && t.event().isReceived() && t.effect() == Transition.Effect.STEP) {
                    assertEquals(model.receiveKeys(t.from(), p), t.event().protection(),
                            () -> model.title() + " [" + p.describe() + "] " + t);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyRowIsCitedAndIgnoredRowsAreSelfLoops(Model model) {
        for (Transition t : model.transitions()) {
            assertTrue(List.of(8446, 5246, 5077, 8422).contains(t.citation().rfc()), t::toString);
            assertFalse(t.citation().requirement().isBlank(), t::toString);
            if (t.effect() == Transition.Effect.IGNORE) {
                assertEquals(t.from(), t.to(), t::toString);
                assertTrue(t.event().isReceived(), t::toString);
            }
        }
    }

    /** RFC 8446 Appendix A.1 and A.2 state names, copied from the RFC figures. */
    @org.junit.jupiter.api.Test
    void rfc8446StateNamesAreSpelledAsInAppendixA() {
        Set<String> client = Set.of("START", "WAIT_SH", "WAIT_EE", "WAIT_CERT_CR", "WAIT_CERT", "WAIT_CV",
                "WAIT_FINISHED", "CONNECTED");
        Set<String> server = Set.of("START", "RECVD_CH", "NEGOTIATED", "WAIT_EOED", "WAIT_FLIGHT2", "WAIT_CERT",
                "WAIT_CV", "WAIT_FINISHED", "CONNECTED");
        assertEquals(client, rfcNames(Models.of(TlsVersion.TLS_1_3, Role.CLIENT)));
        assertEquals(server, rfcNames(Models.of(TlsVersion.TLS_1_3, Role.SERVER)));
    }

    private static Set<String> rfcNames(Model m) {
        return m.states().stream().filter(State::fromRfc).map(State::name).collect(Collectors.toSet());
    }

    @org.junit.jupiter.api.Test
    void parameterSpaceIsConsistentAndComplete() {
        // TLS 1.3: 12 full-handshake combinations (HRR x early data offered-and-rejected x client auth none,
        // empty, non-empty) + 5 PSK ones (no 0-RTT, rejected, accepted without HRR; with HRR: no 0-RTT, rejected)
        // + 18 with post-handshake authentication: the 9 combinations without a CertificateRequest in the
        // handshake (4 full, 5 PSK) x an empty or non-empty answer
        assertEquals(35, RunParameters.all(TlsVersion.TLS_1_3).size());
        // TLS 1.2: 2 key exchanges x 3 client-auth answers x ticket or not + abbreviated with or without ticket
        assertEquals(14, RunParameters.all(TlsVersion.TLS_1_2).size());
        assertFalse(RunParameters.defaults().withHelloRetryRequest(true).problemsFor(TlsVersion.TLS_1_2).isEmpty());
        assertFalse(RunParameters.defaults().withPostHandshakeAuth(RunParameters.ClientCertificate.EMPTY)
                .problemsFor(TlsVersion.TLS_1_2).isEmpty());
    }
}
