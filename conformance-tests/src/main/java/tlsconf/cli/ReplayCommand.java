package tlsconf.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.report.ReplayFile;
import tlsconf.conformance.run.Conformance;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.run.ScenarioOutcome;
import tlsconf.conformance.setup.Harnesses;
import tlsconf.conformance.target.TargetSetupException;
import tlsconf.model.vocabulary.Role;

/**
 * {@code tlsconf replay FILE}: plays the one scenario of a replay file again against the same target and judges
 * it at the same strictness. Exit 1 when it still deviates (reproduced), 0 when it now passes, 2 for a bad file
 * or an unreachable target.
 */
@Command(name = "replay", description = "Re-run one failing scenario from a replay file.")
final class ReplayCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a replay file from the replay/ directory of a report")
    Path file;

    @Option(names = "--step-timeout", paramLabel = "MS", defaultValue = "2000")
    long stepTimeoutMillis;

    @Override
    public Integer call() {
        if (!Files.isReadable(file)) {
            throw new UsageException("cannot read replay file " + file);
        }
        ReplayFile replay;
        try {
            replay = ReplayFile.read(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Role role = "client".equals(replay.role()) ? Role.CLIENT : Role.SERVER;
        RunOptions options = new RunOptions(EnumSet.of(replay.scenario().version()), Profile.DEFAULT, replay.seed(),
                replay.strictness(), Duration.ofMillis(stepTimeoutMillis), 0);
        ScenarioOutcome outcome;
        try {
            List<Harness> harnesses = Harnesses.create(replay.target(), EnumSet.of(role), options);
            outcome = Conformance.replay(harnesses.get(0), replay.scenario(), options);
        } catch (TargetSetupException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("replay " + file + ": " + replay.check() + " against " + replay.target().describe());
        out.println("  scenario : " + replay.scenario().describe());
        out.println("  expected : " + replay.scenario().expected().describe());
        out.println("  observed : " + outcome.play().observation().describe()
                + (outcome.play().observation().describe().equals(replay.observed()) ? " (as recorded)"
                : " (recorded: " + replay.observed() + ")"));
        out.println("  levels   : " + outcome.judgement().levelsSummary());
        for (String line : outcome.play().trace()) {
            out.println("    " + line);
        }
        out.println(outcome.passed() ? "passes now at strictness " + replay.strictness().cliName()
                : "deviation reproduced at strictness " + replay.strictness().cliName());
        out.flush();
        return outcome.passed() ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }
}
