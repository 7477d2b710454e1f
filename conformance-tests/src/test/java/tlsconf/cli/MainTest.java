package tlsconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void unknownOptionIsUsageError() {
        assertEquals(Main.EXIT_USAGE, Main.execute("--no-such-option"));
    }

    @Test
    void missingCommandIsUsageError() {
        assertEquals(Main.EXIT_USAGE, Main.execute());
    }

    @Test
    void helpSucceeds() {
        assertEquals(Main.EXIT_OK, Main.execute("--help"));
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String command : new String[] {"run", "replay", "model", "server", "client", "vectors", "bench"}) {
            assertEquals(Main.EXIT_OK, Main.execute(command, "--help"), command + " --help");
        }
    }
}
