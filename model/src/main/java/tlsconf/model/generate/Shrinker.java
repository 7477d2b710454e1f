package tlsconf.model.generate;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds the shortest deviation that still reproduces a failure: among the deviations that end with the same
 * offending event in the same state, shortest trace first (ties by name), the first for which
 * {@code stillFails} holds. Returns the failing deviation itself when none is shorter.
 */
public final class Shrinker {

    private Shrinker() {
    }

    public static Deviation shortest(Deviation failing, List<Deviation> pool, Predicate<Deviation> stillFails) {
        return pool.stream()
                .filter(d -> d.trace().size() < failing.trace().size())
                .filter(d -> d.offending().equals(failing.offending())
                        && d.rejection().state() == failing.rejection().state())
                .sorted(Comparator.comparingInt((Deviation d) -> d.trace().size()).thenComparing(Deviation::name))
                .filter(stillFails)
                .findFirst()
                .orElse(failing);
    }
}
