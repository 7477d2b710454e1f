package tlsconf.conformance.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.known.KnownDeviation;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.Connection;
import tlsconf.conformance.target.Target;
import tlsconf.conformance.target.TargetSetupException;
import tlsconf.conformance.verdict.Judge;
import tlsconf.conformance.verdict.Observation;
import tlsconf.conformance.verdict.PlayResult;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Runs a catalogue against targets and produces results: the one code path behind {@code tlsconf run}, {@code
 * tlsconf replay} and the JUnit factory. It prints nothing itself; progress goes to a listener.
 */
public final class Runner {
    private final List<Check> catalogue;
    private final RunOptions options;
    private final KnownDeviations known;

    public Runner(List<Check> catalogue, RunOptions options, KnownDeviations known) {
        this.catalogue = List.copyOf(catalogue);
        this.options = options;
        this.known = known;
    }

    /**
     * Runs every applicable check against each harness in turn. Each target is started before its checks and
     * closed after them, also on failure. A {@link TargetSetupException} stops the run.
     */
    public RunResult run(String description, List<Harness> harnesses, Consumer<String> progress) {
        long start = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        for (Harness h : harnesses) {
            try (Target target = h.target()) {
                target.start();
                progress.accept("target: " + target.description());
                for (Check check : catalogue) {
                    for (TlsVersion version : TlsVersion.values()) {
                        if (options.versions().contains(version) && check.applicability().versions().contains(version)
                                && !coveredElsewhere(harnesses, h, version)) {
                            CheckResult r = runCheck(h, check, version);
                            results.add(r);
                            progress.accept(String.format("  %-7s %-48s %4d scenario(s)", r.verdict().label(),
                                    r.displayName(), r.scenarios()));
                        }
                    }
                }
            }
        }
        return new RunResult(description, options.seed(), options.profile(), options.strictness(), results,
                Duration.ofNanos(System.nanoTime() - start));
    }

    CheckResult runCheck(Harness h, Check check, TlsVersion version) {
        Target target = h.target();
        Optional<String> skip = Optional.empty();
        if (check.pending() != null) {
            skip = Optional.of("not built yet: " + check.pending());
        } else if (!target.versions().contains(version)) {
            skip = Optional.of("the target does not support TLS " + version.label());
        } else {
            skip = check.applicability().reasonNotApplicable(version, target.role(), target.capabilities());
        }
        if (skip.isPresent()) {
            return new CheckResult(check, target.name(), target.role(), version, Verdict.SKIPPED, 0, 0, null,
                    skip.get(), List.of());
        }
        List<Scenario> generated = check.scenarios(version, target.role(), options.profile(), options.seed());
        List<Scenario> scenarios = generated.stream().filter(s -> unsupportedFault(h, s).isEmpty()).toList();
        if (scenarios.isEmpty()) {
            String why = generated.isEmpty() ? "no scenario for this target"
                    : "the test peer cannot apply '" + unsupportedFault(h, generated.get(0)).get().describe()
                    + "' yet";
            return new CheckResult(check, target.name(), target.role(), version, Verdict.SKIPPED, 0, 0, null, why,
                    List.of());
        }
        ScenarioOutcome firstFailure = null;
        int failed = 0;
        List<String> deviations = new ArrayList<>();
        // In-process targets play on every core; the order of outcomes is kept, so results do not depend on it.
        List<ScenarioOutcome> outcomes = h.target().concurrent() && scenarios.size() > 1
                ? scenarios.parallelStream().map(s -> play(h, s)).toList()
                : scenarios.stream().map(s -> play(h, s)).toList();
        for (ScenarioOutcome outcome : outcomes) {
            Scenario s = outcome.scenario();
            if (!outcome.passed()) {
                failed++;
                if (deviations.size() < CheckResult.MAX_LISTED) {
                    deviations.add(s.describe() + " | expected " + s.expected().describe() + " | observed "
                            + outcome.play().observation().describe());
                }
                if (firstFailure == null) {
                    firstFailure = outcome;
                }
            }
        }
        if (firstFailure == null) {
            return new CheckResult(check, target.name(), target.role(), version, Verdict.PASS, scenarios.size(), 0,
                    null, null, List.of());
        }
        ScenarioOutcome shrunk = Shrinker.shrink(firstFailure, s -> play(h, s), options.maxShrinkSteps());
        Optional<KnownDeviation> k = known.find(target.name(), target.role().cliName(), check.id());
        return new CheckResult(check, target.name(), target.role(), version,
                k.isPresent() ? Verdict.KNOWN : Verdict.FAIL, scenarios.size(), failed, shrunk,
                k.map(KnownDeviation::reason).orElse(null), deviations);
    }

    /** Plays and judges one scenario on a fresh connection. Used by the runner, the shrinker and replay. */
    public ScenarioOutcome play(Harness h, Scenario scenario) {
        PlayResult result;
        Optional<Fault> unsupported = unsupportedFault(h, scenario);
        if (unsupported.isPresent()) {
            result = new PlayResult(new Observation.NotPlayable(
                    "the test peer cannot apply '" + unsupported.get().describe() + "' yet"), List.of());
        } else {
            try (Connection c = h.target().open(scenario)) {
                result = h.peer().play(scenario, c);
            } catch (TargetSetupException e) {
                throw e;
            } catch (RuntimeException e) {
                // A bug of the suite, not of the target: never a silent pass, and named as ours.
                result = new PlayResult(new Observation.NotPlayable("internal error in the test peer: " + e),
                        List.of());
            }
        }
        return new ScenarioOutcome(scenario, result,
                Judge.judge(scenario.expected(), result.observation(), options.strictness()));
    }

    /** A version this target does not speak but another harness for the same role does: reported there only. */
    private static boolean coveredElsewhere(List<Harness> all, Harness h, TlsVersion version) {
        return !h.target().versions().contains(version) && all.stream().anyMatch(o -> o != h
                && o.target().role() == h.target().role() && o.target().versions().contains(version));
    }

    private static Optional<Fault> unsupportedFault(Harness h, Scenario scenario) {
        return scenario.faults().stream().filter(f -> !h.peer().supports(f)).findFirst();
    }

    public RunOptions options() {
        return options;
    }
}
