package tlsconf.vectorrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlsconf.cli.Main;

/** {@code tlsconf vectors check|run}: exit status 0 / 1 (invalid file, failed vector) / 2 (unreadable path). */
class VectorsCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run tlsconf(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void checkOfTheShippedFilesPasses() {
        Run r = tlsconf("vectors", "check");
        assertEquals(Main.EXIT_OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(" files valid, 0 problems"), r.out());
    }

    @Test
    void anInvalidFileFailsTheCheckNamingFileAndField() throws IOException {
        Files.writeString(dir.resolve("broken.json"), """
                {"kind": "kdf", "id": "broken", "description": "x",
                 "source": {"name": "n", "license": "l"},
                 "cases": [{"id": "a", "algorithm": "hkdf-sha256", "ikm": "zz", "salt": "", "info": "",
                            "length": 1, "okm": "00"}]}
                """);
        Run r = tlsconf("vectors", "check", dir.toString());
        assertEquals(Main.EXIT_CHECK_FAILED, r.exit(), r.out());
        assertTrue(r.out().contains("broken.json: /cases/0/ikm: bad hex"), r.out());
        assertTrue(r.err().startsWith("tlsconf: "), r.err());
    }

    @Test
    void anUnreadablePathIsAUsageError() {
        Run r = tlsconf("vectors", "run", dir.resolve("missing").toString());
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("no such file or folder"), r.err());
    }

    @Test
    void runPrintsOneLinePerVectorAndFailsOnADifference() throws IOException {
        Path s3 = Path.of("..", "vectors", "src", "main", "resources", "vectors", "rfc8448", "s3-simple-1rtt.json");
        String text = Files.readString(s3);
        // The server's application traffic IV of RFC 8448 §3, last byte changed.
        String changed = text.replace("\"iv expanded\": \"cf782b88dd83549aadf1e984\"",
                "\"iv expanded\": \"cf782b88dd83549aadf1e985\"");
        assertTrue(!changed.equals(text));
        Files.writeString(dir.resolve("s3.json"), changed);
        Run r = tlsconf("vectors", "run", dir.toString());
        assertEquals(Main.EXIT_CHECK_FAILED, r.exit(), r.out());
        assertTrue(r.out().contains("failed  rfc8448/3-simple-1rtt"), r.out());
        assertTrue(r.out().contains("iv expanded: differs at byte 11"), r.out());
        // The deterministic reference client and server replays do not read that value: they still pass.
        assertTrue(r.out().contains("2 passed, 1 failed, 0 skipped"), r.out());
    }
}
