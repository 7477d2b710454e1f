package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlsconf.cli.Main;

/** {@code tlsconf run} and {@code tlsconf replay} through the real command line, exit statuses per CLI.md. */
class RunCommandTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream()));
        try {
            return Main.execute(args);
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void referenceQuickRunPassesAndWritesTheReport() throws Exception {
        Path report = dir.resolve("report");
        assertEquals(Main.EXIT_OK, run("run", "--profile", "quick", "--seed", "5", "--role", "server",
                "--report", report.toString()));
        JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertEquals(5, json.get("seed").asLong());
        assertEquals(0, json.get("summary").get("failed").asInt());
        assertTrue(json.get("summary").get("scenarios").asInt() > 20);
        assertTrue(Files.readString(report.resolve("junit").resolve("TEST-tlsconf.xml")).contains("<testcase"));
        assertTrue(Files.readString(report.resolve("report.html")).contains("tlsconf conformance report"));
    }

    @Test
    void unreachableServerIsASetupError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertEquals(Main.EXIT_USAGE, run("run", "--server", "127.0.0.1:" + port, "--report",
                dir.resolve("r").toString()));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(Main.EXIT_USAGE, run("run", "--tls", "1.4"));
        assertEquals(Main.EXIT_USAGE, run("run", "--strictness", "lenient"));
        assertEquals(Main.EXIT_USAGE, run("run", "--target", "nosuchstack"));
        assertEquals(Main.EXIT_USAGE, run("run", "--server", "localhost"));
        assertEquals(Main.EXIT_USAGE, run("run", "--client-command", "/no/such/binary {port}"));
        assertEquals(Main.EXIT_USAGE, run("run", "--expected", dir.resolve("missing.json").toString()));
        assertEquals(Main.EXIT_USAGE, run("replay", dir.resolve("missing.json").toString()));
    }
}
