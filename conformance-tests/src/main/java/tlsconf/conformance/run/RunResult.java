package tlsconf.conformance.run;

import java.time.Duration;
import java.util.List;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.verdict.Strictness;

/** Everything a run produced; reports are written from this alone. */
public record RunResult(String target, long seed, Profile profile, Strictness strictness, List<CheckResult> checks,
                        Duration duration) {
    public RunResult {
        checks = List.copyOf(checks);
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

    public double scenariosPerSecond() {
        double s = duration.toNanos() / 1e9;
        return s <= 0 ? 0 : scenarios() / s;
    }

    /** Exit status per CLI.md: 1 when a deviation is new, else 0. */
    public boolean hasNewDeviations() {
        return count(Verdict.FAIL) > 0;
    }
}
