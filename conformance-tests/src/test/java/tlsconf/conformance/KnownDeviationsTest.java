package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlsconf.conformance.known.KnownDeviations;

class KnownDeviationsTest {
    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path f = dir.resolve("expected.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void readsEntriesAndMatchesByTargetAndRole() throws Exception {
        KnownDeviations k = KnownDeviations.read(write("{\"deviations\":[{\"target\":\"openssl\",\"role\":\"server\","
                + "\"check\":\"tls13.finished.wrong-length\",\"reason\":\"sends decrypt_error\"},"
                + "{\"check\":\"tls13.order.early-ccs\",\"reason\":\"any target\"}]}"));
        assertEquals(2, k.entries().size());
        assertTrue(k.find("openssl", "server", "tls13.finished.wrong-length").isPresent());
        assertTrue(k.find("openssl", "client", "tls13.finished.wrong-length").isEmpty());
        assertTrue(k.find("gnutls", "client", "tls13.order.early-ccs").isPresent());
    }

    @Test
    void anEntryWithObservedCoversOnlyThoseObservations() throws Exception {
        KnownDeviations k = KnownDeviations.read(write("{\"deviations\":[{\"target\":\"bcjsse\",\"role\":\"client\","
                + "\"check\":\"tls12.order.finished-without-ccs\",\"reason\":\"internal_error now and then\","
                + "\"observed\":[\"internal_error\"]}]}"));
        String check = "tls12.order.finished-without-ccs";
        assertTrue(k.find("bcjsse", "client", check, List.of("fatal alert internal_error (80)")).isPresent());
        // the day it accepts the Finished without ChangeCipherSpec, the check is a new deviation again
        assertTrue(k.find("bcjsse", "client", check, List.of("handshake completed")).isEmpty());
        assertTrue(k.find("bcjsse", "client", check,
                List.of("fatal alert internal_error (80)", "handshake completed")).isEmpty());
    }

    @Test
    void observedMustHoldTexts() throws Exception {
        Path f = write("{\"deviations\":[{\"check\":\"a\",\"reason\":\"b\",\"observed\":\"internal_error\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownDeviations.read(f));
        assertTrue(e.getMessage().contains("deviations[0]") && e.getMessage().contains("observed"), e.getMessage());
    }

    @Test
    void reasonIsRequired() throws Exception {
        Path f = write("{\"deviations\":[{\"check\":\"tls13.finished.corrupted\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownDeviations.read(f));
        assertTrue(e.getMessage().contains("deviations[0]") && e.getMessage().contains("reason"), e.getMessage());
    }

    @Test
    void unknownFieldIsNamed() throws Exception {
        Path f = write("{\"deviations\":[{\"check\":\"a\",\"reason\":\"b\",\"tagret\":\"openssl\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownDeviations.read(f));
        assertTrue(e.getMessage().contains("tagret"), e.getMessage());
    }

    @Test
    void notJsonIsAnError() throws Exception {
        Path f = write("deviations: none");
        assertThrows(IllegalArgumentException.class, () -> KnownDeviations.read(f));
    }
}
