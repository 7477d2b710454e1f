package tlsconf.conformance.check.family;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tlsconf.conformance.check.Applicability;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.scenario.Anchor;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Protection;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.model.Model;
import tlsconf.model.Models;
import tlsconf.model.RunParameters;
import tlsconf.model.event.MessageKind;
import tlsconf.model.generate.Bounds;
import tlsconf.model.generate.Deviation;
import tlsconf.model.generate.DeviationGenerator;
import tlsconf.model.generate.PathGenerator;
import tlsconf.model.generate.ValidPath;
import tlsconf.model.oracle.Oracle;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Family 1 from the formal model, TLS 1.2: the model's deviations (skip, repeat, reorder, hop, wrong protection) of
 * the valid full handshakes of the target's RFC 5246 machine, played by the TLS 1.2 peer through its seam and judged
 * by the oracle's reaction for the trace as the peer plays it. The translation into peer faults is the TLS 1.3
 * family's ({@link ModelChecks}); what the TLS 1.2 peer cannot play is left out, each with its reason
 * ({@link #leftOut}).
 */
public final class Tls12ModelChecks {

    private Tls12ModelChecks() {
    }

    public static List<Check> all() {
        return List.of(Check.of("tls12.order.model-deviations", "order",
                Requirement.rfc5246("7.3", "Each side MUST follow the handshake of RFC 5246 Figures 1 and 2 as the "
                        + "TLS 1.2 model encodes it; a message the model does not allow in the current state is "
                        + "refused with the alert the oracle derives from the governing section (unexpected_message, "
                        + "§7.2.2, in most states). Left out: renegotiation paths and HelloRequest hops to a client "
                        + "(own checks tls12.order.hello-request*), deviations no peer fault plays."),
                "the model oracle's reaction for each generated deviation",
                new Applicability(EnumSet.of(TlsVersion.TLS_1_2), EnumSet.of(Role.CLIENT, Role.SERVER),
                        EnumSet.of(Capability.OBSERVABLE_COMPLETION)),
                (checkId, version, role, profile, random) -> {
                    List<ModelChecks.Played> all = playable(role);
                    Scenarios s = new Scenarios(checkId, version, role);
                    int n = profile.sample(all.size(), 8, all.size());
                    for (int i : Scenarios.sample(random, all.size(), n)) {
                        s.add(all.get(i).expected(), all.get(i).faults().toArray(Fault[]::new));
                    }
                    return s.build();
                }));
    }

    /** Why a generated deviation is not played, or null when it is. */
    static String leftOut(Role targetRole, ValidPath path, List<Fault> faults) {
        if (path.events().stream().anyMatch(e -> e.kind() == MessageKind.HELLO_REQUEST)) {
            return "renegotiation path: the peer does not renegotiate";
        }
        if (faults == null) {
            return "no peer fault plays it (a message of the target's own, or across flights)";
        }
        if (targetRole == Role.CLIENT && faults.stream().anyMatch(f -> f instanceof Fault.Inject inj
                && inj.contentType() == 22 && inj.hex().startsWith("00"))) {
            // RFC 5246 §7.4.1.1 has HelloRequest ignored while the client negotiates (the model's ignore rows): a
            // hop of it is no deviation, so tls12.order.hello-request* test it by name instead.
            return "HelloRequest hop: tested by tls12.order.hello-request-during-handshake";
        }
        return null;
    }

    /** Derived once per JVM and role: the model's paths and deviations do not change during a run. */
    private static final Map<Role, List<ModelChecks.Played>> PLAYABLE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The deviations the TLS 1.2 peer plays against a target in {@code targetRole}, deduplicated by faults. */
    static List<ModelChecks.Played> playable(Role targetRole) {
        return PLAYABLE.computeIfAbsent(targetRole, Tls12ModelChecks::derive);
    }

    private static List<ModelChecks.Played> derive(Role targetRole) {
        Model model = Models.of(TlsVersion.TLS_1_2, targetRole);
        RunParameters params = RunParameters.defaults();
        Oracle oracle = Oracle.of(model, params);
        Map<List<Fault>, ModelChecks.Played> out = new LinkedHashMap<>();
        for (ValidPath path : PathGenerator.paths(model, params, Bounds.HANDSHAKES)) {
            for (Deviation d : DeviationGenerator.of(model, path)) {
                List<Fault> faults = ModelChecks.toFaults(path.events(), d).orElse(null);
                if (leftOut(targetRole, path, faults) != null || out.containsKey(faults)) {
                    continue;
                }
                ModelChecks.expectation(model, oracle, ModelChecks.play(path.events(), faults))
                        .map(e -> widen(ModelChecks.widen(e, faults), faults))
                        .ifPresent(e -> out.put(faults, new ModelChecks.Played(d.name(), faults, e)));
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * TLS 1.2 records keep no inner type: a plaintext record that reaches a target already reading under the new keys
     * (before the peer's Finished, which follows its ChangeCipherSpec, or after the handshake) fails the record
     * layer's check before any message is seen, so bad_record_mac is right for it too (RFC 5246 §6.2.3, §7.2.2).
     */
    static Expectation widen(Expectation e, List<Fault> faults) {
        if (!(e instanceof Expectation.Reject r) || r.acceptable().contains(AlertDescription.BAD_RECORD_MAC)) {
            return e;
        }
        boolean underNewKeys = faults.stream().anyMatch(f -> f instanceof Fault.Inject inj
                && inj.protection() == Protection.PLAINTEXT
                && (inj.where().position() == Anchor.Position.AFTER_HANDSHAKE
                        || (inj.where().position() == Anchor.Position.BEFORE
                                && inj.where().message() == HandshakeType.FINISHED)));
        if (!underNewKeys) {
            return e;
        }
        List<AlertDescription> alerts = new java.util.ArrayList<>(r.acceptable());
        alerts.add(AlertDescription.BAD_RECORD_MAC);
        return new Expectation.Reject(alerts, r.section());
    }

    /** How many generated deviations each reason leaves out (for the documentation and the tests). */
    static Map<String, Integer> leftOutCounts(Role targetRole) {
        Model model = Models.of(TlsVersion.TLS_1_2, targetRole);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ValidPath path : PathGenerator.paths(model, RunParameters.defaults(), Bounds.HANDSHAKES)) {
            for (Deviation d : DeviationGenerator.of(model, path)) {
                String why = leftOut(targetRole, path, ModelChecks.toFaults(path.events(), d).orElse(null));
                if (why != null) {
                    counts.merge(why, 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
