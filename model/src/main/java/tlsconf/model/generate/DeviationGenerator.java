package tlsconf.model.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tlsconf.model.Model;
import tlsconf.model.RunParameters;
import tlsconf.model.State;
import tlsconf.model.event.Event;
import tlsconf.model.event.MessageKind;
import tlsconf.model.event.Protection;
import tlsconf.model.oracle.Decision;
import tlsconf.model.oracle.Oracle;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Derives deviations from valid paths: skip, repeat, hop, reorder, wrong protection and a bad CCS value, each
 * applied to the events the side under test receives. A mutation becomes a {@link Deviation} only when the
 * oracle rejects one of its received events; the trace is cut after that event.
 *
 * <p>A side writes its whole flight before it reads again: a message inserted while it writes is read after
 * the flight. Sent events after the mutation that the model no longer allows are dropped (a conforming side would
 * not send them; the peer plays its messages regardless). A mutated trace that is valid under parameters the side
 * cannot tell apart from the real ones (a client cannot know in advance whether the server will send a
 * HelloRetryRequest or a CertificateRequest) is no deviation and is dropped too.
 */
public final class DeviationGenerator {

    /** Kinds a hop may insert: every message, not the alerts that end a connection anyway. */
    private static final Set<MessageKind> HOP_KINDS = EnumSet.complementOf(EnumSet.of(MessageKind.CLOSE_NOTIFY,
            MessageKind.NO_RENEGOTIATION, MessageKind.CHANGE_CIPHER_SPEC_INVALID));

    private DeviationGenerator() {
    }

    /** The deviations of one valid path, deduplicated by kind and trace, in a fixed order. */
    public static List<Deviation> of(Model model, ValidPath path) {
        Map<Key, Deviation> out = new LinkedHashMap<>();
        collect(model, path, out);
        return List.copyOf(out.values());
    }

    /**
     * The deviations of every path of {@link PathGenerator#allPaths}, deduplicated per parameters, kind and trace
     * (a reorder and a skip may play the same trace: both are kept, under their own kind).
     */
    public static List<Deviation> all(Model model, Bounds bounds) {
        Map<RunParameters, Map<Key, Deviation>> byParams = new LinkedHashMap<>();
        for (ValidPath p : PathGenerator.allPaths(model, bounds)) {
            collect(model, p, byParams.computeIfAbsent(p.parameters(), k -> new LinkedHashMap<>()));
        }
        List<Deviation> out = new ArrayList<>();
        byParams.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    private static void collect(Model model, ValidPath path, Map<Key, Deviation> out) {
        Oracle oracle = Oracle.of(model, path.parameters());
        List<Event> events = path.events();
        List<State> states = new ArrayList<>();
        for (var t : path.transitions()) {
            states.add(t.from());
        }
        states.add(path.end());
        for (int i = 0; i <= events.size(); i++) {
            State here = states.get(i);
            if (model.enabled(here, path.parameters()).isEmpty()) {
                continue; // a closed connection: nothing more to deviate from (RFC 8446 §6.1)
            }
            String where = " in " + here.name();
            if (i < events.size() && events.get(i).isReceived()) {
                Event e = events.get(i);
                add(out, model, oracle, DeviationKind.SKIP, "skip " + e + where, without(events, i), i);
                int again = nextReadPosition(events, i + 1);
                add(out, model, oracle, DeviationKind.REPEAT, "repeat " + e + " in " + states.get(again).name(),
                        inserted(events, again, e), again);
                if (i + 1 < events.size() && events.get(i + 1).isReceived()) {
                    List<Event> swapped = new ArrayList<>(events);
                    swapped.set(i, events.get(i + 1));
                    swapped.set(i + 1, e);
                    add(out, model, oracle, DeviationKind.REORDER,
                            "reorder " + events.get(i + 1) + " before " + e + where, swapped, i);
                }
                for (Protection q : protections(model.version())) {
                    if (q != e.protection()) {
                        add(out, model, oracle, DeviationKind.WRONG_PROTECTION,
                                "protect " + e.kind().label() + " with " + q.shortName() + " keys" + where,
                                replaced(events, i, e.withProtection(q)), i);
                    }
                }
                if (e.kind() == MessageKind.CHANGE_CIPHER_SPEC) {
                    add(out, model, oracle, DeviationKind.CCS_VALUE, "ChangeCipherSpec value != 0x01" + where,
                            replaced(events, i, Event.received(MessageKind.CHANGE_CIPHER_SPEC_INVALID,
                                    e.protection())), i);
                }
            }
            if (nextReadPosition(events, i) != i) {
                continue; // the side is still writing its flight: an inserted message is read after it
            }
            Protection keys = model.receiveKeys(here, path.parameters());
            for (MessageKind k : HOP_KINDS) {
                Protection p = k.isChangeCipherSpec() && model.version() == TlsVersion.TLS_1_3
                        ? Protection.PLAINTEXT : keys;
                Event hop = Event.received(k, p);
                add(out, model, oracle, DeviationKind.HOP, "hop: insert " + hop + where, inserted(events, i, hop), i);
            }
            Event badCcs = Event.received(MessageKind.CHANGE_CIPHER_SPEC_INVALID, Protection.PLAINTEXT);
            add(out, model, oracle, DeviationKind.CCS_VALUE, "insert ChangeCipherSpec value != 0x01" + where,
                    inserted(events, i, badCcs), i);
        }
    }

    /** Whether the side's next step in {@code state} is one of its own messages (it reads nothing here). */
    private static boolean writing(Model model, State state, RunParameters p) {
        boolean sends = false;
        for (var t : model.enabled(state, p)) {
            if (t.effect() == tlsconf.model.Transition.Effect.STEP) {
                if (t.event().isReceived()) {
                    return false;
                }
                sends = true;
            }
        }
        return sends;
    }

    /**
     * The first position at or after {@code from} where the side reads: before a received event, or at the end.
     * A side writes its whole flight before it reads again, so a message inserted while it writes is read here.
     */
    private static int nextReadPosition(List<Event> events, int from) {
        int i = from;
        while (i < events.size() && events.get(i).isSent()) {
            i++;
        }
        return i;
    }

    private static void add(Map<Key, Deviation> out, Model model, Oracle oracle, DeviationKind kind,
            String name, List<Event> mutation, int mutatedAt) {
        List<Event> mutated = new ArrayList<>(mutation);
        List<Event> kept = new ArrayList<>();
        State state = model.initial();
        for (int i = 0; i < mutated.size(); i++) {
            if (mutated.get(i).isReceived() && i >= mutatedAt && writing(model, state, oracle.parameters())) {
                // the side writes its pending flight before it reads the next message
                int j = i + 1;
                while (j < mutated.size() && mutated.get(j).isReceived()) {
                    j++;
                }
                if (j < mutated.size() && oracle.step(state, mutated.get(j)).allowed()) {
                    mutated.add(i, mutated.remove(j));
                }
            }
            Event e = mutated.get(i);
            Decision d = oracle.step(state, e);
            if (d.allowed()) {
                kept.add(e);
                state = d.next();
            } else if (e.isSent() && i >= mutatedAt) {
                // a conforming side would not send this now; its peer plays on
                continue;
            } else if (e.isSent()) {
                throw new IllegalStateException("the valid prefix of " + name + " is rejected at " + i);
            } else if (model.enabled(state, oracle.parameters()).isEmpty()) {
                return; // after close_notify the connection is over; later data is no deviation (RFC 8446 §6.1)
            } else {
                kept.add(e);
                Key key = new Key(kind, List.copyOf(kept));
                if (!out.containsKey(key) && !validForIndistinguishable(model, oracle.parameters(), kept)) {
                    out.put(key, new Deviation(kind, name, oracle.parameters(), kept,
                            (Decision.Rejected) d));
                }
                return;
            }
        }
    }

    /**
     * Whether {@code trace} is valid under parameters the side cannot tell from {@code p} before the messages
     * arrive: for a client, whether the server sends a HelloRetryRequest or a CertificateRequest.
     */
    private static boolean validForIndistinguishable(Model model, RunParameters p, List<Event> trace) {
        if (model.role() != Role.CLIENT) {
            return false;
        }
        for (RunParameters alt : RunParameters.all(model.version())) {
            boolean asked = p.clientCertificate() != RunParameters.ClientCertificate.NOT_REQUESTED;
            boolean altAsked = alt.clientCertificate() != RunParameters.ClientCertificate.NOT_REQUESTED;
            boolean sameOwn = alt.resumption() == p.resumption() && alt.earlyData() == p.earlyData()
                    && alt.keyExchange() == p.keyExchange() && alt.sessionTicket() == p.sessionTicket()
                    && (!asked || !altAsked || alt.clientCertificate() == p.clientCertificate());
            if (!alt.equals(p) && sameOwn && Oracle.of(model, alt).check(trace).valid()) {
                return true;
            }
        }
        return false;
    }

    private record Key(DeviationKind kind, List<Event> trace) {
    }

    private static List<Protection> protections(TlsVersion version) {
        return version == TlsVersion.TLS_1_3
                ? List.of(Protection.values())
                : List.of(Protection.PLAINTEXT, Protection.APPLICATION);
    }

    private static List<Event> without(List<Event> events, int i) {
        List<Event> out = new ArrayList<>(events);
        out.remove(i);
        return out;
    }

    private static List<Event> inserted(List<Event> events, int i, Event e) {
        List<Event> out = new ArrayList<>(events);
        out.add(i, e);
        return out;
    }

    private static List<Event> replaced(List<Event> events, int i, Event e) {
        List<Event> out = new ArrayList<>(events);
        out.set(i, e);
        return out;
    }
}
