package tlsconf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tlsconf.vectorrun.Outcome;
import tlsconf.vectorrun.VectorRunner;
import tlsconf.vectors.LoadResult;
import tlsconf.vectors.VectorError;
import tlsconf.vectors.VectorLoader;

/**
 * {@code tlsconf vectors check|run [PATH...]}: validate or replay vector files (default: the shipped ones). An
 * invalid file or a vector that does not replay is a failed check (exit 1); a path that cannot be read is a usage
 * error (exit 2).
 */
@Command(name = "vectors", description = "Validate or replay test vector files (see vectors/README.md).",
        subcommands = {VectorsCommand.Check.class, VectorsCommand.Run.class})
final class VectorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: check or run");
    }

    static LoadResult load(List<Path> paths) {
        try {
            return VectorRunner.load(paths == null ? List.of() : paths);
        } catch (VectorLoader.UnreadablePathException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    static void printErrors(PrintWriter out, LoadResult r) {
        for (VectorError e : r.errors()) {
            out.println("invalid " + e);
        }
    }

    @Command(name = "check", description = "Validate vector files; every problem names the file and the field "
            + "(JSON pointer).")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "vector files or folders (default: shipped)")
        List<Path> paths = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LoadResult r = load(paths);
            printErrors(out, r);
            out.println(r.files().size() + " files valid, " + r.errors().size() + " problems");
            out.flush();
            if (!r.valid()) {
                spec.commandLine().getErr().println("tlsconf: " + r.errors().size() + " problems in vector files");
                return Main.EXIT_CHECK_FAILED;
            }
            return Main.EXIT_OK;
        }
    }

    @Command(name = "run", description = "Replay vector files against the reference implementation; one line per "
            + "vector: passed, failed with the first difference, or skipped with the reason.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "vector files or folders (default: shipped)")
        List<Path> paths = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LoadResult r = load(paths);
            printErrors(out, r);
            int passed = 0;
            int failed = 0;
            int skipped = 0;
            for (var f : r.files()) {
                for (Outcome o : VectorRunner.run(f, r)) {
                    out.println(o.line());
                    out.flush();
                    switch (o.status()) {
                        case PASSED -> passed++;
                        case FAILED -> failed++;
                        case SKIPPED -> skipped++;
                    }
                }
            }
            out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped, " + r.errors().size()
                    + " file problems");
            out.flush();
            if (failed > 0 || !r.valid()) {
                spec.commandLine().getErr().println("tlsconf: " + failed + " vectors failed, " + r.errors().size()
                        + " problems in vector files");
                return Main.EXIT_CHECK_FAILED;
            }
            return Main.EXIT_OK;
        }
    }
}
