package tlsconf.conformance.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.known.KnownDeviation;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.peer.ReferencePeer;
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
 *
 * <p>A run has three phases, timed apart so the scenarios/s figure measures playing only: setup (start the
 * targets, generate every check's scenarios, let the peer build what they need, such as defective certificate
 * chains), playing, and shrinking the failures. In-process targets ({@link Target#concurrent()}) are set up
 * together and all their scenarios, across checks and roles, are played in one parallel pass, so every core
 * stays busy until the last scenario; other targets play one scenario at a time, check after check. A large
 * in-process run is warmed up first ({@link WarmUp}, part of setup).
 */
public final class Runner {
    /** Runs with fewer in-process scenarios than this are not warmed up. */
    static final int WARM_UP_FROM = 1_000;

    private final List<Check> catalogue;
    private final RunOptions options;
    private final KnownDeviations known;

    public Runner(List<Check> catalogue, RunOptions options, KnownDeviations known) {
        this.catalogue = List.copyOf(catalogue);
        this.options = options;
        this.known = known;
    }

    /** One check for one harness and version, before it is played: its scenarios, or why it is skipped. */
    private record Planned(Harness harness, Check check, TlsVersion version, List<Scenario> scenarios,
                           CheckResult skipped) {
    }

    /** Wall-clock nanoseconds spent in each phase, summed over the batches of a run. */
    private static final class Clock {
        long setup;
        long play;
        long shrink;
    }

    /**
     * Runs every applicable check against each harness. Each target is started before its checks and closed after
     * them, also on failure. A {@link TargetSetupException} stops the run.
     */
    public RunResult run(String description, List<Harness> harnesses, Consumer<String> progress) {
        long start = System.nanoTime();
        Clock clock = new Clock();
        List<CheckResult> results = new ArrayList<>();
        List<Harness> concurrent = harnesses.stream().filter(h -> h.target().concurrent()).toList();
        for (Harness h : harnesses) {
            if (!h.target().concurrent()) {
                results.addAll(runBatch(List.of(h), harnesses, progress, clock));
            } else if (h == concurrent.get(0)) {
                results.addAll(runBatch(concurrent, harnesses, progress, clock));
            }
        }
        return new RunResult(description, options.seed(), options.profile(), options.strictness(), results,
                Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(clock.setup),
                Duration.ofNanos(clock.play), Duration.ofNanos(clock.shrink));
    }

    /** Starts the batch's targets, plays its checks, closes the targets (also when something throws). */
    private List<CheckResult> runBatch(List<Harness> batch, List<Harness> all, Consumer<String> progress,
                                       Clock clock) {
        List<Target> started = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            List<Planned> plan = new ArrayList<>();
            // In-process targets announce versions and capabilities without being started, so their scenarios
            // are generated (the model's deviations take a good part of a second on a cold JVM) while the
            // targets start; other targets are planned once started.
            java.util.concurrent.CompletableFuture<List<Planned>> early = batch.get(0).target().concurrent()
                    ? java.util.concurrent.CompletableFuture.supplyAsync(() -> batch.stream()
                            .flatMap(h -> plan(h, all).stream()).toList())
                    : null;
            for (Harness h : batch) {
                started.add(h.target());
                h.target().start();
                progress.accept("target: " + h.target().description());
                if (early == null) {
                    plan.addAll(plan(h, all));
                }
            }
            if (early != null) {
                plan.addAll(join(early));
            }
            try (WarmUp warm = early != null && options.keyLogDir() == null ? warmUp(plan) : null) {
                prepare(plan);
            }
            clock.setup += System.nanoTime() - t0;
            List<CheckResult> out = new ArrayList<>();
            if (batch.get(0).target().concurrent()) {
                long t1 = System.nanoTime();
                List<List<ScenarioOutcome>> outcomes = playAll(plan);
                clock.play += System.nanoTime() - t1;
                for (int i = 0; i < plan.size(); i++) {
                    out.add(judge(plan.get(i), outcomes.get(i), progress, clock));
                }
            } else {
                for (Planned p : plan) {
                    long t1 = System.nanoTime();
                    List<ScenarioOutcome> outcomes = p.scenarios().stream().map(s -> play(p.harness(), s)).toList();
                    clock.play += System.nanoTime() - t1;
                    out.add(judge(p, outcomes, progress, clock));
                }
            }
            return out;
        } finally {
            RuntimeException first = null;
            for (Target t : started) {
                try {
                    t.close();
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The checks of one harness in report order: each with its scenarios, or the reason it is skipped. */
    private List<Planned> plan(Harness h, List<Harness> all) {
        List<Planned> out = new ArrayList<>();
        for (Check check : catalogue) {
            for (TlsVersion version : TlsVersion.values()) {
                if (options.versions().contains(version) && check.applicability().versions().contains(version)
                        && !coveredElsewhere(all, h, version)) {
                    out.add(plan(h, check, version));
                }
            }
        }
        return out;
    }

    private Planned plan(Harness h, Check check, TlsVersion version) {
        Target target = h.target();
        Optional<String> skip;
        if (check.pending() != null) {
            skip = Optional.of("not built yet: " + check.pending());
        } else if (!target.versions().contains(version)) {
            skip = Optional.of("the target does not support TLS " + version.label());
        } else {
            skip = check.applicability().reasonNotApplicable(version, target.role(), target.capabilities());
        }
        if (skip.isPresent()) {
            return skipped(h, check, version, skip.get());
        }
        List<Scenario> generated = check.scenarios(version, target.role(), options.profile(), options.seed());
        List<Scenario> scenarios = generated.stream().filter(s -> unsupportedFault(h, s).isEmpty()).toList();
        if (scenarios.isEmpty()) {
            return skipped(h, check, version, generated.isEmpty()
                    ? "no scenario for this target in the " + options.profile().cliName() + " profile"
                    : "the test peer cannot apply '" + unsupportedFault(h, generated.get(0)).get().describe()
                    + "' yet");
        }
        return new Planned(h, check, version, scenarios, null);
    }

    private static Planned skipped(Harness h, Check check, TlsVersion version, String why) {
        return new Planned(h, check, version, List.of(), new CheckResult(check, h.target().name(),
                h.target().role(), version, Verdict.SKIPPED, 0, 0, null, why, List.of()));
    }

    /**
     * Starts the in-process warm-up ({@link WarmUp}) over the plan's scenarios, interleaved across checks; none for a
     * run of fewer than {@value #WARM_UP_FROM} scenarios (it would not pay for itself) or one that writes key logs
     * (the thrown-away plays would write theirs too).
     */
    private WarmUp warmUp(List<Planned> plan) {
        if (plan.stream().mapToInt(p -> p.scenarios().size()).sum() < WARM_UP_FROM) {
            return null;
        }
        List<Harness> harnesses = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        int longest = plan.stream().mapToInt(p -> p.scenarios().size()).max().orElse(0);
        for (int s = 0; s < longest; s++) {
            for (Planned p : plan) {
                if (s < p.scenarios().size()) {
                    harnesses.add(p.harness());
                    scenarios.add(p.scenarios().get(s));
                }
            }
        }
        return WarmUp.start(harnesses, scenarios, this::play);
    }

    /** Lets the reference peer build, once and before the clock of playing starts, what the scenarios need. */
    private static void prepare(List<Planned> plan) {
        plan.stream().map(Planned::harness).distinct().forEach(h -> {
            if (h.peer() instanceof ReferencePeer peer) {
                peer.prepare(plan.stream().filter(p -> p.harness() == h).flatMap(p -> p.scenarios().stream())
                        .toList());
            }
        });
    }

    /**
     * Every scenario of an in-process batch in one parallel pass (one task per scenario, on the common pool plus
     * this thread), outcomes kept in plan order, so results do not depend on scheduling.
     */
    private List<List<ScenarioOutcome>> playAll(List<Planned> plan) {
        List<int[]> index = new ArrayList<>();
        for (int p = 0; p < plan.size(); p++) {
            for (int s = 0; s < plan.get(p).scenarios().size(); s++) {
                index.add(new int[] {p, s});
            }
        }
        ScenarioOutcome[] flat = new ScenarioOutcome[index.size()];
        IntStream.range(0, flat.length).parallel().forEach(i -> {
            Planned p = plan.get(index.get(i)[0]);
            flat[i] = play(p.harness(), p.scenarios().get(index.get(i)[1]));
        });
        List<List<ScenarioOutcome>> out = new ArrayList<>();
        int k = 0;
        for (Planned p : plan) {
            List<ScenarioOutcome> mine = new ArrayList<>(p.scenarios().size());
            for (int s = 0; s < p.scenarios().size(); s++) {
                mine.add(flat[k++]);
            }
            out.add(mine);
        }
        return out;
    }

    /** The check's result from its played scenarios; the first failure is shrunk (timed as shrinking). */
    private CheckResult judge(Planned p, List<ScenarioOutcome> outcomes, Consumer<String> progress, Clock clock) {
        CheckResult r = p.skipped() != null ? p.skipped() : result(p, outcomes, clock);
        progress.accept(String.format("  %-7s %-48s %4d scenario(s)", r.verdict().label(), r.displayName(),
                r.scenarios()));
        return r;
    }

    private CheckResult result(Planned p, List<ScenarioOutcome> outcomes, Clock clock) {
        Target target = p.harness().target();
        ScenarioOutcome firstFailure = null;
        int failed = 0;
        List<String> deviations = new ArrayList<>();
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
        int n = p.scenarios().size();
        if (firstFailure == null) {
            return new CheckResult(p.check(), target.name(), target.role(), p.version(), Verdict.PASS, n, 0, null,
                    null, List.of());
        }
        long t0 = System.nanoTime();
        ScenarioOutcome shrunk = Shrinker.shrink(firstFailure, s -> play(p.harness(), s), options.maxShrinkSteps());
        clock.shrink += System.nanoTime() - t0;
        List<String> observed = outcomes.stream().filter(o -> !o.passed())
                .map(o -> o.play().observation().describe()).toList();
        Optional<KnownDeviation> k = known.find(target.name(), target.role().cliName(), p.check().id(), observed);
        return new CheckResult(p.check(), target.name(), target.role(), p.version(),
                k.isPresent() ? Verdict.KNOWN : Verdict.FAIL, n, failed, shrunk,
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
