package tlsconf.conformance.report;

import java.io.PrintWriter;
import tlsconf.conformance.run.CheckResult;
import tlsconf.conformance.run.RunResult;
import tlsconf.conformance.run.Verdict;

/** The console summary table printed at the end of {@code tlsconf run}. */
public final class ConsoleReport {
    private ConsoleReport() {
    }

    public static void print(RunResult run, PrintWriter out) {
        out.println();
        out.printf("tlsconf run against %s%n", run.target());
        out.printf("seed %d, profile %s, strictness %s%n", run.seed(), run.profile().cliName(),
                run.strictness().cliName());
        out.println();
        out.printf("%-8s %-6s %-4s %-46s %-14s %9s%n", "verdict", "role", "tls", "check", "rfc", "scenarios");
        for (CheckResult r : run.checks()) {
            out.printf("%-8s %-6s %-4s %-46s %-14s %9d%n", r.verdict().label(), r.role().cliName(),
                    r.version().label(), r.check().id(), r.check().requirement().citation(), r.scenarios());
        }
        for (CheckResult r : run.checks()) {
            if ((r.verdict() == Verdict.FAIL || r.verdict() == Verdict.KNOWN) && r.failure() != null) {
                out.println();
                out.printf("%s %s (%s): %s%n", r.verdict() == Verdict.FAIL ? "DEVIATION" : "known deviation",
                        r.displayName(), r.check().requirement().citation(), r.check().requirement().text());
                details(r, out);
                if (r.note() != null) {
                    out.printf("  known    : %s%n", r.note());
                }
            }
        }
        printAdvisories(run, out);
        out.println();
        out.printf("checks %d (run %d, skipped %d), scenarios %d: passed %d, failed %d, known %d, advisory %d%n",
                run.checks().size(), run.checksRun(), run.count(Verdict.SKIPPED), run.scenarios(),
                run.count(Verdict.PASS), run.count(Verdict.FAIL), run.count(Verdict.KNOWN),
                run.count(Verdict.ADVISORY));
        out.printf("duration %.2f s (setup %.2f s, playing %.2f s, shrinking %.2f s)%n", seconds(run.duration()),
                seconds(run.setup()), seconds(run.play()), seconds(run.shrink()));
        out.printf("speed %.1f scenarios/s (%s); %.1f scenarios/s overall%n", run.scenariosPerSecond(),
                RunResult.RATE_BASIS, run.scenariosPerSecondOverall());
        out.flush();
    }

    /**
     * Advisories in a list of their own, after the deviations: the target did not follow an RFC recommendation or a
     * policy from outside the RFC. Not counted as failed, no exit status 1.
     */
    private static void printAdvisories(RunResult run, PrintWriter out) {
        java.util.List<CheckResult> advisories = run.checks().stream()
                .filter(r -> r.verdict() == Verdict.ADVISORY).toList();
        if (advisories.isEmpty()) {
            return;
        }
        out.println();
        out.printf("advisories (%d): not RFC deviations, not counted as failed%n", advisories.size());
        for (CheckResult r : advisories) {
            out.println();
            out.printf("ADVISORY %s (%s, %s): %s%n", r.displayName(), r.check().requirement().citation(),
                    r.check().requirement().kind().label(), r.check().requirement().text());
            if (r.failure() != null) {
                details(r, out);
            }
            out.printf("  advisory : %s%n", r.note());
        }
    }

    private static void details(CheckResult r, PrintWriter out) {
        out.printf("  scenario : %s%n", r.failure().scenario().describe());
        out.printf("  expected : %s%n", r.failure().scenario().expected().describe());
        out.printf("  observed : %s%n", r.failure().play().observation().describe());
        out.printf("  levels   : %s (%d of %d scenarios deviated)%n",
                r.failure().judgement().levelsSummary(), r.failedScenarios(), r.scenarios());
    }

    private static double seconds(java.time.Duration d) {
        return d.toNanos() / 1e9;
    }
}
