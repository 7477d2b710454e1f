package tlsconf.conformance.run;

import java.time.Duration;
import java.util.List;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.verdict.Strictness;

/**
 * Everything a run produced; reports are written from this alone.
 *
 * @param duration wall-clock time of the whole run: setup, playing, shrinking and stopping the targets
 * @param setup    wall-clock time spent starting targets, generating scenarios and preparing the peer (certificate
 *                 chains, keys) before any scenario is played
 * @param play     wall-clock time spent playing the counted scenarios, summed over the run's targets: from the
 *                 first scenario's connection to the last scenario's verdict; setup and shrinking excluded
 * @param shrink   wall-clock time spent re-playing failing scenarios to shrink them (those plays are not counted)
 */
public record RunResult(String target, long seed, Profile profile, Strictness strictness, List<CheckResult> checks,
                        Duration duration, Duration setup, Duration play, Duration shrink) {
    /** How {@link #scenariosPerSecond()} is computed, for reports. */
    public static final String RATE_BASIS = "scenarios played / wall-clock time of playing them "
            + "(target start-up, scenario generation, certificate and key generation and shrinking excluded)";

    public RunResult {
        checks = List.copyOf(checks);
    }

    /** A result whose phases were not timed apart: all of {@code duration} counts as playing. */
    public RunResult(String target, long seed, Profile profile, Strictness strictness, List<CheckResult> checks,
                     Duration duration) {
        this(target, seed, profile, strictness, checks, duration, Duration.ZERO, duration, Duration.ZERO);
    }

    public int scenarios() {
        return checks.stream().mapToInt(CheckResult::scenarios).sum();
    }

    public long count(Verdict verdict) {
        return checks.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** Checks that ran (not skipped). */
    public long checksRun() {
        return checks.size() - count(Verdict.SKIPPED);
    }

    /** Scenarios per second of playing ({@link #RATE_BASIS}): the suite's speed against this target. */
    public double scenariosPerSecond() {
        double s = play.toNanos() / 1e9;
        return s <= 0 ? 0 : scenarios() / s;
    }

    /** Scenarios per second of the whole run, setup and shrinking included. */
    public double scenariosPerSecondOverall() {
        double s = duration.toNanos() / 1e9;
        return s <= 0 ? 0 : scenarios() / s;
    }

    /** {@code 1128 scenarios in 3.07 s (setup 0.90 s, playing 2.10 s, shrinking 0.00 s): 537.1 scenarios/s}. */
    public String speedLine() {
        return String.format(java.util.Locale.ROOT, "%d scenarios in %.2f s (setup %.2f s, playing %.2f s, "
                + "shrinking %.2f s): %.1f scenarios/s of playing, %.1f overall", scenarios(), seconds(duration),
                seconds(setup), seconds(play), seconds(shrink), scenariosPerSecond(), scenariosPerSecondOverall());
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** Exit status per CLI.md: 1 when a deviation is new, else 0. */
    public boolean hasNewDeviations() {
        return count(Verdict.FAIL) > 0;
    }
}
