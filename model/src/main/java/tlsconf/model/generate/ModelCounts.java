package tlsconf.model.generate;

import java.util.EnumMap;
import java.util.Map;
import tlsconf.model.Model;
import tlsconf.model.RunParameters;
import tlsconf.model.Transition;

/**
 * The figures of a model: states, transitions, parameter combinations, valid paths ({@link Bounds#DEFAULT}) and
 * deviations (derived from the {@link Bounds#HANDSHAKES} paths), by kind.
 */
public record ModelCounts(int states, int transitions, int ignoredEvents, int parameterSets, int handshakes,
        int validPaths, Map<DeviationKind, Integer> deviations) {

    public ModelCounts {
        deviations = Map.copyOf(deviations);
    }

    public static ModelCounts of(Model model) {
        int ignored = (int) model.transitions().stream().filter(t -> t.effect() == Transition.Effect.IGNORE).count();
        Map<DeviationKind, Integer> byKind = new EnumMap<>(DeviationKind.class);
        for (DeviationKind k : DeviationKind.values()) {
            byKind.put(k, 0);
        }
        for (Deviation d : DeviationGenerator.all(model, Bounds.HANDSHAKES)) {
            byKind.merge(d.kind(), 1, Integer::sum);
        }
        return new ModelCounts(model.states().size(), model.transitions().size(), ignored,
                RunParameters.all(model.version()).size(),
                PathGenerator.allPaths(model, Bounds.HANDSHAKES).size(),
                PathGenerator.allPaths(model, Bounds.DEFAULT).size(), byKind);
    }

    public int totalDeviations() {
        return deviations.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code skip 75, repeat 108, hop 3179, ...} in {@link DeviationKind} order. */
    public String deviationsByKind() {
        StringBuilder b = new StringBuilder();
        for (DeviationKind k : DeviationKind.values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(k.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(deviations.get(k));
        }
        return b.toString();
    }
}
