package tlsconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tlsconf model}: the four models in three formats, and one-line usage errors. */
class ModelCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("tlsconf: " + ex.getMessage());
            return ex instanceof UsageException ? Main.EXIT_USAGE : 99;
        });
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void printsEachModelInEachFormat() {
        Run mermaid = run("model", "--tls", "1.3", "--role", "client", "--format", "mermaid");
        assertEquals(0, mermaid.status(), mermaid.err());
        assertTrue(mermaid.out().startsWith("stateDiagram-v2"));
        assertTrue(mermaid.out().contains("WAIT_CERT_CR --> WAIT_CERT : recv CertificateRequest [hs]"));
        Run dot = run("model", "--tls", "1.2", "--role", "server", "--format", "dot");
        assertTrue(dot.out().startsWith("digraph TLS_1_2_server"), dot.out());
        Run table = run("model", "--tls", "1.3", "--role", "server");
        assertTrue(table.out().contains("WAIT_FLIGHT2"));
        assertTrue(table.out().contains("counts: 19 states"), table.out());
    }

    @Test
    void badValuesAreUsageErrors() {
        Run bad = run("model", "--tls", "1.1");
        assertEquals(Main.EXIT_USAGE, bad.status());
        assertEquals("tlsconf: unknown --tls '1.1' (expected 1.3 or 1.2)", bad.err().strip());
        assertEquals(Main.EXIT_USAGE, run("model", "--role", "peer").status());
        assertEquals(Main.EXIT_USAGE, run("model", "--format", "svg").status());
        assertEquals(Main.EXIT_USAGE, Main.execute("model", "--format", "svg"));
    }
}
