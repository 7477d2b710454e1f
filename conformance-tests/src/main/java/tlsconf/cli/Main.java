package tlsconf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tlsconf} command line (contract: README and CLI.md). Exit status: 0 success, 1 the check failed,
 * 2 usage or setup error, always with a one-line reason on stderr.
 */
@Command(
        name = "tlsconf",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "tlsconf 0.1.0",
        description = "Conformance test suite for the TLS 1.3 and TLS 1.2 handshake.",
        subcommands = {
            RunCommand.class,
            ReplayCommand.class,
            ModelCommand.class,
            ServerCommand.class,
            ClientCommand.class,
            VectorsCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECK_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: tlsconf --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status; never calls System.exit (tests use this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, arguments) -> {
            ex.getCommandLine().getErr().println("tlsconf: " + ex.getMessage());
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException usage) {
                commandLine.getErr().println("tlsconf: " + usage.getMessage());
                return EXIT_USAGE;
            }
            commandLine.getErr().println("tlsconf: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }
}
