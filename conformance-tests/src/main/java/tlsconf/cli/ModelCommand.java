package tlsconf.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tlsconf.model.Model;
import tlsconf.model.Models;
import tlsconf.model.export.DotExport;
import tlsconf.model.export.MermaidExport;
import tlsconf.model.export.TableExport;
import tlsconf.model.generate.ModelCounts;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * {@code tlsconf model [--tls 1.3|1.2] [--role client|server] [--format dot|mermaid|table]}: prints the formal
 * handshake model, generated from its transition tables. Without {@code --tls} or {@code --role} it prints every
 * matching model. A bad option value is a usage error (exit 2, one line).
 */
@Command(name = "model", description = "Print the formal handshake model (RFC 8446 App. A, RFC 5246 Fig. 1/2) as "
        + "a DOT graph, a Mermaid diagram or a table with its RFC citations and counts.")
final class ModelCommand implements Callable<Integer> {

    private enum Format {
        DOT, MERMAID, TABLE
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--tls", paramLabel = "1.3|1.2", description = "protocol version (default: both)")
    String tls;

    @Option(names = "--role", paramLabel = "client|server", description = "modelled side (default: both)")
    String role;

    @Option(names = "--format", paramLabel = "dot|mermaid|table", description = "output format (default: table)")
    String format = "table";

    @Override
    public Integer call() {
        Format f = parseFormat(format);
        List<TlsVersion> versions = tls == null ? List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
                : List.of(parseVersion(tls));
        List<Role> roles = role == null ? List.of(Role.CLIENT, Role.SERVER) : List.of(parseRole(role));
        PrintWriter out = spec.commandLine().getOut();
        boolean first = true;
        for (TlsVersion v : versions) {
            for (Role r : roles) {
                if (!first) {
                    out.println();
                }
                first = false;
                print(out, Models.of(v, r), f);
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static void print(PrintWriter out, Model model, Format f) {
        switch (f) {
            case DOT -> out.print(DotExport.of(model));
            case MERMAID -> out.print(MermaidExport.of(model));
            case TABLE -> {
                out.print(TableExport.of(model));
                ModelCounts c = ModelCounts.of(model);
                out.println();
                out.println("counts: " + c.states() + " states, " + c.transitions() + " transitions ("
                        + c.ignoredEvents() + " ignored events), " + c.parameterSets() + " parameter sets, "
                        + c.handshakes() + " handshakes, " + c.validPaths() + " valid paths, "
                        + c.totalDeviations() + " deviations (" + c.deviationsByKind() + ")");
            }
        }
    }

    private static Format parseFormat(String value) {
        for (Format f : Format.values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(value)) {
                return f;
            }
        }
        throw new UsageException("unknown --format '" + value + "' (expected dot, mermaid or table)");
    }

    private static TlsVersion parseVersion(String value) {
        try {
            return TlsVersion.fromLabel(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --tls '" + value + "' (expected 1.3 or 1.2)");
        }
    }

    private static Role parseRole(String value) {
        for (Role r : Role.values()) {
            if (r.cliName().equals(value)) {
                return r;
            }
        }
        throw new UsageException("unknown --role '" + value + "' (expected client or server)");
    }
}
