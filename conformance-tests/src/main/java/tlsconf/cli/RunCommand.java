package tlsconf.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.report.ConsoleReport;
import tlsconf.conformance.report.ReportWriter;
import tlsconf.conformance.run.Conformance;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.run.RunResult;
import tlsconf.conformance.setup.Harnesses;
import tlsconf.conformance.target.TargetSetupException;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.conformance.verdict.Strictness;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * {@code tlsconf run}: runs the conformance catalogue against a target and writes the report (contract: CLI.md).
 * Exit 0 when no deviation is new, 1 when one is, 2 for usage and setup errors.
 */
@Command(name = "run", description = "Run the conformance checks against a target and write the report.")
final class RunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--target", paramLabel = "NAME",
            description = "preset: reference (default), jsse, bcjsse, openssl, gnutls, nss, botan (TLS 1.2), wolfssl, mbedtls (TLS 1.2)")
    String target;

    @Option(names = "--server", paramLabel = "HOST:PORT", description = "test a running TLS server")
    String server;

    @Option(names = "--client-command", paramLabel = "CMD",
            description = "test a TLS client started per scenario; {host} and {port} are filled in")
    String clientCommand;

    @Option(names = "--tls", paramLabel = "1.2|1.3", description = "protocol version (default: both)")
    String tls;

    @Option(names = "--role", paramLabel = "server|client", description = "role of the target (presets; default both)")
    String role;

    @Option(names = "--profile", paramLabel = "quick|default|full", defaultValue = "default")
    String profile;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the scenario generators (default: random)")
    Long seed;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "target/tlsconf-report")
    Path report;

    @Option(names = "--expected", paramLabel = "FILE", description = "known deviations with reasons (JSON)")
    Path expected;

    @Option(names = "--strictness", paramLabel = "exact|alert|close", defaultValue = "exact")
    String strictness;

    @Option(names = "--keylog", description = "write the test peer's NSS key log files into DIR/keylog/ of the report")
    boolean keylog;

    @Option(names = "--step-timeout", paramLabel = "MS", defaultValue = "2000",
            description = "how long to wait for each reaction of the target")
    long stepTimeoutMillis;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunOptions options = options();
        KnownDeviations known = knownDeviations();
        TargetSpec targetSpec = targetSpec();
        Set<Role> roles = roles();
        out.println("tlsconf run: seed " + options.seed() + " (repeat with --seed " + options.seed() + ")");
        RunResult result;
        try {
            List<Harness> harnesses = Harnesses.create(targetSpec, roles, options);
            result = Conformance.run(Harnesses.describe(targetSpec, harnesses), harnesses, options, known,
                    line -> {
                        out.println(line);
                        out.flush();
                    });
        } catch (TargetSetupException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        ReportWriter.write(result, targetSpec, report);
        ConsoleReport.print(result, out);
        out.println("report written to " + report.toAbsolutePath().normalize());
        out.flush();
        return result.hasNewDeviations() ? Main.EXIT_CHECK_FAILED : Main.EXIT_OK;
    }

    private RunOptions options() {
        Set<TlsVersion> versions = EnumSet.allOf(TlsVersion.class);
        if (tls != null) {
            try {
                versions = EnumSet.of(TlsVersion.fromLabel(tls));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--tls: " + e.getMessage());
            }
        }
        Profile p;
        Strictness s;
        try {
            p = Profile.fromCliName(profile);
            s = Strictness.fromCliName(strictness);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (stepTimeoutMillis < 1 || stepTimeoutMillis > 600_000) {
            throw new UsageException("--step-timeout must be between 1 and 600000 ms, not " + stepTimeoutMillis);
        }
        long theSeed = seed != null ? seed : new java.security.SecureRandom().nextLong() & 0xffffffffL;
        return new RunOptions(versions, p, theSeed, s, Duration.ofMillis(stepTimeoutMillis), 64,
                keylog ? report.resolve("keylog") : null);
    }

    private KnownDeviations knownDeviations() {
        if (expected == null) {
            return KnownDeviations.none();
        }
        if (!Files.isReadable(expected)) {
            throw new UsageException("--expected: cannot read " + expected);
        }
        try {
            return KnownDeviations.read(expected);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private TargetSpec targetSpec() {
        int given = (target != null ? 1 : 0) + (server != null ? 1 : 0) + (clientCommand != null ? 1 : 0);
        if (given > 1) {
            throw new UsageException("give only one of --target, --server and --client-command");
        }
        if (server != null) {
            return new TargetSpec(null, "server", server, null);
        }
        if (clientCommand != null) {
            return new TargetSpec(null, "client", null, clientCommand);
        }
        return new TargetSpec(target == null ? "reference" : target, role, null, null);
    }

    private Set<Role> roles() {
        if (role == null) {
            return server != null ? EnumSet.of(Role.SERVER) : clientCommand != null ? EnumSet.of(Role.CLIENT)
                    : EnumSet.allOf(Role.class);
        }
        Role r = switch (role) {
            case "server" -> Role.SERVER;
            case "client" -> Role.CLIENT;
            default -> throw new UsageException("--role must be server or client, not '" + role + "'");
        };
        if ((server != null && r != Role.SERVER) || (clientCommand != null && r != Role.CLIENT)) {
            throw new UsageException("--role " + role + " contradicts the target given");
        }
        return EnumSet.of(r);
    }
}
