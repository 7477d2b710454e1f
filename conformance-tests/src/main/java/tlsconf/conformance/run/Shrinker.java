package tlsconf.conformance.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Scenario;

/**
 * Shrinks a failing scenario to a simpler one that still fails, the way property-based testing shrinks a
 * counterexample. Only expectation-preserving simplifications are tried ({@link Fault#simpler()}: a bit flip at a
 * lower position, a shorter truncation), so the expected reaction stays valid. Bounded by a step budget.
 */
final class Shrinker {
    private Shrinker() {
    }

    static ScenarioOutcome shrink(ScenarioOutcome failing, Function<Scenario, ScenarioOutcome> replay, int budget) {
        ScenarioOutcome best = failing;
        int steps = 0;
        boolean improved = true;
        while (improved && steps < budget) {
            improved = false;
            List<Fault> faults = best.scenario().faults();
            outer:
            for (int i = 0; i < faults.size(); i++) {
                for (Fault simpler : faults.get(i).simpler()) {
                    if (steps++ >= budget) {
                        break outer;
                    }
                    List<Fault> candidate = new ArrayList<>(faults);
                    candidate.set(i, simpler);
                    ScenarioOutcome outcome = replay.apply(best.scenario().withFaults(candidate));
                    if (!outcome.passed()) {
                        best = outcome;
                        improved = true;
                        break outer;
                    }
                }
            }
        }
        return best;
    }
}
