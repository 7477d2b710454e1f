package tlsconf.conformance.run;

import java.util.List;
import java.util.function.Consumer;
import tlsconf.conformance.check.Catalogue;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.Target;

/**
 * The entry point shared by {@code tlsconf run}, {@code tlsconf replay} and the JUnit factory: they differ only
 * in how they present the results.
 */
public final class Conformance {
    private Conformance() {
    }

    /** Runs the whole catalogue against the given harnesses. */
    public static RunResult run(String description, List<Harness> harnesses, RunOptions options,
                                KnownDeviations known, Consumer<String> progress) {
        return new Runner(Catalogue.all(), options, known).run(description, harnesses, progress);
    }

    /** Plays one scenario again against a started target, judging it as the original run did. */
    public static ScenarioOutcome replay(Harness harness, Scenario scenario, RunOptions options) {
        Runner runner = new Runner(List.<Check>of(), options, KnownDeviations.none());
        try (Target target = harness.target()) {
            target.start();
            return runner.play(harness, scenario);
        }
    }
}
