package tlsconf.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import tlsconf.conformance.run.CheckResult;
import tlsconf.conformance.run.RunResult;
import tlsconf.conformance.target.TargetSpec;

/**
 * Writes the report directory of CLI.md: report.json, report.html, junit/TEST-tlsconf.xml and one replay file
 * per failing (or known-failing) check under replay/.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** {@code spec} is how the user named the target; each replay file gets it with the result's role. */
    public static void write(RunResult run, TargetSpec spec, Path dir) {
        try {
            Files.createDirectories(dir.resolve("junit"));
            Map<CheckResult, String> replays = new IdentityHashMap<>();
            for (CheckResult r : run.checks()) {
                if (r.failure() == null) {
                    continue;
                }
                String rel = "replay/" + r.fileKey() + "-tls" + r.version().label().replace(".", "") + ".json";
                ReplayFile.of(r, withRole(spec, r.role().cliName()), run.strictness(), run.seed())
                        .write(dir.resolve(rel), r.failure().play().trace());
                replays.put(r, rel);
            }
            Files.writeString(dir.resolve("report.json"), JsonReport.render(run, replays));
            Files.writeString(dir.resolve("report.html"), HtmlReport.render(run, replays));
            Files.writeString(dir.resolve("junit").resolve("TEST-tlsconf.xml"), JunitReport.render(run));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static TargetSpec withRole(TargetSpec spec, String role) {
        return new TargetSpec(spec.preset(), role, spec.server(), spec.clientCommand());
    }
}
