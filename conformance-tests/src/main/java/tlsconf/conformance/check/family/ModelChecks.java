package tlsconf.conformance.check.family;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tlsconf.conformance.check.Applicability;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.scenario.Anchor;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Protection;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.model.Model;
import tlsconf.model.Models;
import tlsconf.model.RunParameters;
import tlsconf.model.State;
import tlsconf.model.event.Event;
import tlsconf.model.event.MessageKind;
import tlsconf.model.generate.Bounds;
import tlsconf.model.generate.Deviation;
import tlsconf.model.generate.DeviationGenerator;
import tlsconf.model.generate.PathGenerator;
import tlsconf.model.generate.ValidPath;
import tlsconf.model.oracle.Decision;
import tlsconf.model.oracle.Oracle;
import tlsconf.model.oracle.Reaction;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Family 1 from the formal model: the model's deviation generator (skip, repeat, reorder, hop, wrong protection,
 * bad CCS value) applied to the valid paths of the target's state machine, translated into faults the test peer
 * can play, and judged by the model's oracle. The expectation is recomputed by the oracle for the trace as the peer
 * actually plays it (the peer can only insert a record before one of its own messages), so it never relies on a
 * position the peer cannot reach.
 */
public final class ModelChecks {

    private ModelChecks() {
    }

    public static List<Check> all() {
        return List.of(check("tls13.order.model-deviations", TlsVersion.TLS_1_3, Shape.FULL,
                        Requirement.rfc8446("A", "Each side MUST follow the state machine of RFC 8446 Appendix A; a "
                                + "message the machine does not allow in the current state is refused with the alert "
                                + "the oracle derives from the governing section (unexpected_message, §6.2, in most "
                                + "states).")),
                check("tls13.order.model-deviations-client-auth", TlsVersion.TLS_1_3, Shape.CLIENT_AUTH,
                        Requirement.rfc8446("A.2", "A server that requested a client certificate MUST follow the "
                                + "states WAIT_CERT and WAIT_CV of RFC 8446 Appendix A.2: a client message those "
                                + "states do not allow is refused with the alert the oracle derives (unexpected_message, "
                                + "§6.2, in most states).")));
        // TLS 1.2: Tls12ModelChecks (tls12.order.model-deviations), on the helpers of this class.
    }

    /**
     * The handshake whose deviations a check plays. The peer can play only what it can send: for a server target
     * with a client certificate requested ({@code client-auth}), the deviations of that handshake which the
     * default one does not already play (those around the client's Certificate and CertificateVerify).
     */
    enum Shape {
        FULL,
        CLIENT_AUTH;

        RunParameters parameters() {
            return this == FULL ? RunParameters.defaults()
                    : RunParameters.defaults().withClientAuth(RunParameters.ClientCertificate.NON_EMPTY);
        }

        List<String> options() {
            return this == FULL ? List.of() : List.of("client-auth");
        }
    }

    private static Check check(String id, TlsVersion v, Shape shape, Requirement requirement) {
        Applicability applicability = shape == Shape.FULL
                ? new Applicability(EnumSet.of(v), EnumSet.of(Role.CLIENT, Role.SERVER),
                        EnumSet.of(Capability.OBSERVABLE_COMPLETION))
                : new Applicability(EnumSet.of(v), EnumSet.of(Role.SERVER),
                        EnumSet.of(Capability.OBSERVABLE_COMPLETION, Capability.REQUESTS_CLIENT_CERTIFICATE));
        return Check.of(id, "order", requirement, "the model oracle's reaction for each generated deviation",
                applicability,
                (checkId, version, role, profile, random) -> {
                    List<Played> all = generate(role, version, shape);
                    Scenarios s = new Scenarios(checkId, version, role);
                    // The quick profile (the build's run against real peers) keeps to the sample it always had:
                    // the client-auth shape and TLS 1.2 join in the default profile.
                    int quick = shape == Shape.FULL && version == TlsVersion.TLS_1_3 ? 8 : 0;
                    int n = profile.sample(all.size(), quick, all.size());
                    for (int i : Scenarios.sample(random, all.size(), n)) {
                        s.add(all.get(i).expected(), shape.options(), all.get(i).faults().toArray(Fault[]::new));
                    }
                    return s.build();
                });
    }

    /** A deviation as the peer plays it: its faults and the oracle's expectation for that trace. */
    record Played(String name, List<Fault> faults, Expectation expected) {
    }

    /** The model's deviations depend only on role, version and shape: derived once per JVM, not per check run. */
    private static final Map<String, List<Played>> GENERATED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every playable deviation of the default full handshake of the target's model, deduplicated by faults. */
    static List<Played> generate(Role targetRole, TlsVersion version) {
        return generate(targetRole, version, Shape.FULL);
    }

    /** The playable deviations of a handshake shape, without those an earlier shape already plays. */
    static List<Played> generate(Role targetRole, TlsVersion version, Shape shape) {
        String key = targetRole + ":" + version + ":" + shape;
        List<Played> done = GENERATED.get(key);
        if (done != null) {
            return done;
        }
        java.util.Set<List<Fault>> before = new java.util.HashSet<>();
        for (Shape earlier : Shape.values()) {
            if (earlier.ordinal() < shape.ordinal()) {
                generate(targetRole, version, earlier).forEach(p -> before.add(p.faults()));
            }
        }
        List<Played> derived = derive(targetRole, version, shape.parameters()).stream()
                .filter(p -> !before.contains(p.faults())).toList();
        GENERATED.putIfAbsent(key, derived);
        return GENERATED.get(key);
    }

    private static List<Played> derive(Role targetRole, TlsVersion version, RunParameters params) {
        Model model = Models.of(version, targetRole);
        Oracle oracle = Oracle.of(model, params);
        Map<List<Fault>, Played> out = new LinkedHashMap<>();
        for (ValidPath path : PathGenerator.paths(model, params, Bounds.HANDSHAKES)) {
            if (version == TlsVersion.TLS_1_2 && path.events().stream()
                    .anyMatch(e -> e.kind() == MessageKind.HELLO_REQUEST)) {
                // Renegotiation paths: the peer does not play a HelloRequest.
                continue;
            }
            for (Deviation d : DeviationGenerator.of(model, path)) {
                toFaults(path.events(), d).filter(f -> playable(version, targetRole, f)).ifPresent(faults -> {
                    if (!out.containsKey(faults)) {
                        expectation(model, oracle, play(path.events(), faults))
                                .map(e -> widen(e, faults))
                                .ifPresent(e -> out.put(faults, new Played(d.name(), faults, e)));
                    }
                });
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * TLS 1.2 records have no inner type: after the ChangeCipherSpec every record is protected, so an injected
     * ChangeCipherSpec is either plaintext (a record that fails to decrypt) or needs keys the peer does not expose;
     * the CCS checks of the TLS 1.2 family cover it by hand.
     */
    private static boolean playable(TlsVersion version, Role targetRole, List<Fault> faults) {
        return version == TlsVersion.TLS_1_3 || faults.stream().noneMatch(f -> f instanceof Fault.Inject inj
                && (inj.contentType() == 20 || (targetRole == Role.CLIENT && isHelloRequest(inj))));
    }

    /**
     * TLS 1.2: a HelloRequest that arrives while the client negotiates "will be ignored by the client" (RFC 5246
     * §7.4.1.1), so no refusal can be expected of a client that receives one inside the handshake.
     */
    private static boolean isHelloRequest(Fault.Inject inj) {
        return inj.contentType() == 22 && inj.hex().startsWith("00");
    }

    private static List<Event> received(List<Event> events) {
        return events.stream().filter(Event::isReceived).toList();
    }

    /**
     * Alerts that are also right for how the peer plays a deviation, beyond the model's: a repeated message
     * travels in the same record as the original, so after a key-changing message it is data across a key change
     * (RFC 8446 §5.1, unexpected_message); an injected handshake message has an empty body, so it is malformed as
     * well as unexpected (decode_error, §6.2); a plaintext application_data record after the keys changed is
     * indistinguishable from a record that fails to decrypt (bad_record_mac, §5.2); a handshake message re-sent in
     * plaintext is refused as {@code tls13.order.plaintext-finished} allows.
     */
    static Expectation widen(Expectation e, List<Fault> faults) {
        if (!(e instanceof Expectation.Reject r)) {
            return e;
        }
        List<tlsconf.model.vocabulary.AlertDescription> alerts = new ArrayList<>(r.acceptable());
        for (Fault f : faults) {
            if (f instanceof Fault.Repeat) {
                addOnce(alerts, tlsconf.model.vocabulary.AlertDescription.UNEXPECTED_MESSAGE);
            } else if (f instanceof Fault.Inject inj && inj.contentType() == 22) {
                addOnce(alerts, tlsconf.model.vocabulary.AlertDescription.DECODE_ERROR);
            } else if (f instanceof Fault.Inject inj && inj.contentType() == 23
                    && inj.protection() == Protection.PLAINTEXT) {
                addOnce(alerts, tlsconf.model.vocabulary.AlertDescription.BAD_RECORD_MAC);
            } else if (f instanceof Fault.Reprotect rp && rp.protection() == Protection.PLAINTEXT) {
                // A plaintext handshake record where protected ones are due: refused as the order check
                // tls13.order.plaintext-finished refuses it (unexpected_message, bad_record_mac, decode_error).
                addOnce(alerts, tlsconf.model.vocabulary.AlertDescription.BAD_RECORD_MAC);
                addOnce(alerts, tlsconf.model.vocabulary.AlertDescription.DECODE_ERROR);
            }
        }
        return new Expectation.Reject(alerts, r.section());
    }

    private static void addOnce(List<tlsconf.model.vocabulary.AlertDescription> alerts,
                                tlsconf.model.vocabulary.AlertDescription a) {
        if (!alerts.contains(a)) {
            alerts.add(a);
        }
    }

    /** The peer's fault for a deviation of the target's received events, when the peer can play it. */
    static Optional<List<Fault>> toFaults(List<Event> valid, Deviation d) {
        List<Event> want = received(valid);
        List<Event> got = received(d.trace());
        int j = 0;
        while (j < got.size() && j < want.size() && got.get(j).equals(want.get(j))) {
            j++;
        }
        if (j >= got.size()) {
            return Optional.empty();
        }
        Event changed = got.get(j);
        switch (d.kind()) {
            case SKIP:
                // Playable only inside one flight: after dropping the last message of its flight the peer would
                // wait for the target and the offending message would never be sent.
                if (!(j + 1 < want.size() && sameFlight(valid, want.get(j), want.get(j + 1)))) {
                    return Optional.empty();
                }
                if (want.get(j).kind() == MessageKind.CHANGE_CIPHER_SPEC) {
                    return Optional.of(List.of(new Fault.SkipChangeCipherSpec()));
                }
                return handshake(want.get(j)).map(t -> List.of((Fault) new Fault.Drop(t)));
            case REPEAT:
                return j > 0 && changed.equals(want.get(j - 1))
                        ? handshake(changed).map(t -> List.of((Fault) new Fault.Repeat(t))) : Optional.empty();
            case REORDER:
                return j + 1 < want.size() && changed.equals(want.get(j + 1))
                        ? handshake(want.get(j)).map(t -> List.of((Fault) new Fault.SwapWithNext(t)))
                        : Optional.empty();
            case WRONG_PROTECTION:
                if (j < want.size() && changed.kind() == want.get(j).kind()
                        && changed.protection() == tlsconf.model.event.Protection.PLAINTEXT) {
                    return handshake(changed).map(t -> List.of((Fault) new Fault.Reprotect(t, Protection.PLAINTEXT)));
                }
                return Optional.empty();
            case HOP:
            case CCS_VALUE:
                if (want.subList(0, j).stream().anyMatch(e -> e.kind() == MessageKind.CLOSE_NOTIFY)) {
                    return Optional.empty();
                }
                return inject(changed, j < want.size() ? handshake(want.get(j)).orElse(null) : null, j < want.size())
                        .map(List::of);
            default:
                return Optional.empty();
        }
    }

    /** Whether no event of the target's lies between two received events of the valid path. */
    private static boolean sameFlight(List<Event> valid, Event first, Event second) {
        int a = valid.indexOf(first);
        int b = valid.indexOf(second);
        if (a < 0 || b <= a) {
            return false;
        }
        return valid.subList(a + 1, b).stream().allMatch(Event::isReceived);
    }

    private static Optional<HandshakeType> handshake(Event e) {
        return e.kind().handshakeType().filter(t -> t != HandshakeType.HELLO_RETRY_REQUEST);
    }

    /** A record the peer can inject for an inserted event: CCS, application data, or an empty handshake message. */
    private static Optional<Fault> inject(Event e, HandshakeType before, boolean hasNext) {
        if (hasNext && before == null) {
            return Optional.empty();
        }
        Anchor where = hasNext ? Anchor.before(before) : Anchor.afterHandshake();
        Protection p = switch (e.protection()) {
            case PLAINTEXT -> Protection.PLAINTEXT;
            case HANDSHAKE -> Protection.HANDSHAKE;
            case APPLICATION -> Protection.APPLICATION;
            case EARLY -> null;
        };
        if (p == null || (!hasNext && p == Protection.HANDSHAKE)) {
            // After its handshake the peer only has application keys (and plaintext).
            return Optional.empty();
        }
        MessageKind k = e.kind();
        if (k == MessageKind.CHANGE_CIPHER_SPEC) {
            return Optional.of(new Fault.Inject(where, 20, p, "01"));
        }
        if (k == MessageKind.CHANGE_CIPHER_SPEC_INVALID) {
            return Optional.of(new Fault.Inject(where, 20, p, "02"));
        }
        if (k == MessageKind.APPLICATION_DATA) {
            return Optional.of(new Fault.Inject(where, 23, p, "00"));
        }
        Optional<HandshakeType> t = k.handshakeType();
        if (t.isEmpty() || t.get() == HandshakeType.HELLO_RETRY_REQUEST || t.get() == HandshakeType.SERVER_HELLO
                || t.get() == HandshakeType.CLIENT_HELLO) {
            // Hellos need real bodies to be recognised; an empty one tests the decoder, not the state machine.
            return Optional.empty();
        }
        // An empty-bodied message of the type: a state machine refuses its type before decoding the body.
        return Optional.of(new Fault.Inject(where, 22, p, HexFormat.of().formatHex(new byte[] {
            (byte) t.get().code(), 0, 0, 0})));
    }

    /** The target's trace as the peer plays the faults: received events changed, sent events kept in place. */
    static List<Event> play(List<Event> valid, List<Fault> faults) {
        List<Event> out = new ArrayList<>(valid);
        for (Fault f : faults) {
            if (f instanceof Fault.Drop d) {
                indexOf(out, d.message()).ifPresent(i -> out.remove((int) i));
            } else if (f instanceof Fault.Repeat r) {
                indexOf(out, r.message()).ifPresent(i -> out.add(i + 1, out.get(i)));
            } else if (f instanceof Fault.SwapWithNext w) {
                indexOf(out, w.message()).ifPresent(i -> {
                    for (int k = i + 1; k < out.size(); k++) {
                        if (out.get(k).isReceived()) {
                            Event e = out.remove((int) i);
                            out.add(k, e);
                            return;
                        }
                    }
                });
            } else if (f instanceof Fault.SkipChangeCipherSpec) {
                for (int k = 0; k < out.size(); k++) {
                    if (out.get(k).isReceived() && out.get(k).kind() == MessageKind.CHANGE_CIPHER_SPEC) {
                        out.remove(k);
                        break;
                    }
                }
            } else if (f instanceof Fault.Reprotect rp) {
                indexOf(out, rp.message()).ifPresent(i -> out.set(i,
                        out.get(i).withProtection(tlsconf.model.event.Protection.PLAINTEXT)));
            } else if (f instanceof Fault.Inject inj) {
                Event e = Event.received(kindOf(inj), protectionOf(inj.protection()));
                if (inj.where().position() == Anchor.Position.AFTER_HANDSHAKE) {
                    // Right after the last Finished: the peer injects as soon as its handshake is complete.
                    int last = -1;
                    for (int k = 0; k < out.size(); k++) {
                        if (out.get(k).kind() == MessageKind.FINISHED) {
                            last = k;
                        }
                    }
                    out.add(last + 1, e);
                } else {
                    indexOf(out, inj.where().message()).ifPresent(i -> out.add(i, e));
                }
            }
        }
        return out;
    }

    private static MessageKind kindOf(Fault.Inject inj) {
        return switch (inj.contentType()) {
            case 20 -> inj.hex().equals("01") ? MessageKind.CHANGE_CIPHER_SPEC : MessageKind.CHANGE_CIPHER_SPEC_INVALID;
            case 23 -> MessageKind.APPLICATION_DATA;
            default -> MessageKind.of(HandshakeType.fromCode(Integer.parseInt(inj.hex().substring(0, 2), 16))
                    .orElseThrow());
        };
    }

    private static tlsconf.model.event.Protection protectionOf(Protection p) {
        return switch (p) {
            case PLAINTEXT -> tlsconf.model.event.Protection.PLAINTEXT;
            case HANDSHAKE -> tlsconf.model.event.Protection.HANDSHAKE;
            case APPLICATION, CURRENT -> tlsconf.model.event.Protection.APPLICATION;
        };
    }

    private static Optional<Integer> indexOf(List<Event> events, HandshakeType type) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).isReceived() && events.get(i).kind().handshakeType().orElse(null) == type) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The oracle's verdict on the played trace: the reaction to the first received event it rejects. Sent events
     * it no longer allows are skipped (a conforming target would not send them). Empty when nothing is rejected or
     * the reaction is not an abort with named alerts.
     */
    static Optional<Expectation> expectation(Model model, Oracle oracle, List<Event> trace) {
        State state = model.initial();
        for (Event e : trace) {
            Decision d = oracle.step(state, e);
            if (d.allowed()) {
                state = d.next();
            } else if (e.isReceived()) {
                Reaction r = ((Decision.Rejected) d).reaction();
                if (r instanceof Reaction.Abort a) {
                    return Optional.of(new Expectation.Reject(a.acceptable(), a.citation().section()));
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
