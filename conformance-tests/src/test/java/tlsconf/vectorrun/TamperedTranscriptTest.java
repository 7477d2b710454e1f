package tlsconf.vectorrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.VectorLoader;
import tlsconf.vectors.json.Problems;
import tlsconf.vectors.kind.Transcript;
import tlsconf.vectors.kind.Transcript.Step;

/**
 * One byte changed anywhere in an RFC 8448 file must fail the replay with a message naming the step, the value's
 * JSON pointer and the byte. Proves the replay compares with the file and does not merely run.
 */
class TamperedTranscriptTest {
    private static final Path S3 = Path.of("..", "vectors", "src", "main", "resources", "vectors", "rfc8448",
            "s3-simple-1rtt.json");

    private static String original() throws IOException {
        return Files.readString(S3);
    }

    /** Flips the lowest bit of byte {@code offset} of the value {@code label} of step {@code step}. */
    private static Outcome replayWithFlip(int step, String label, int offset) throws IOException {
        String text = original();
        Transcript t = (Transcript) parse(text).body();
        String hex = t.steps().get(step).value(label).orElseThrow().hex();
        int at = 2 * offset;
        String flipped = hex.substring(0, at) + String.format("%02x", Integer.parseInt(hex.substring(at, at + 2), 16) ^ 1)
                + hex.substring(at + 2);
        String changed = text.replace("\"" + label + "\": \"" + hex + "\"", "\"" + label + "\": \"" + flipped + "\"");
        assertTrue(!changed.equals(text), "mutation applied");
        List<Outcome> out = VectorRunner.run(parse(changed));
        // The transcript replay first; then (for §3) the deterministic reference server.
        assertEquals("rfc8448/3-simple-1rtt", out.get(0).vectorId());
        return out.get(0);
    }

    private static VectorFile parse(String text) {
        Problems p = new Problems("s3-copy.json");
        Optional<VectorFile> f = VectorLoader.parse("s3-copy.json", "s3-copy.json", text, p);
        assertTrue(f.isPresent(), p.errors().toString());
        return f.get();
    }

    private static int stepWith(String action, String label, int nth) throws IOException {
        Transcript t = (Transcript) parse(original()).body();
        int seen = 0;
        for (Step s : t.steps()) {
            if (s.action().equals(action) && s.value(label).isPresent() && seen++ == nth) {
                return s.index();
            }
        }
        throw new AssertionError("no step " + action);
    }

    private static void assertPointsAt(Outcome o, int step, String label, int offset) {
        assertEquals(Outcome.Status.FAILED, o.status(), o.line());
        assertTrue(o.detail().startsWith("step " + step + " "), o.line());
        assertTrue(o.detail().contains("/steps/" + step + "/values/" + label), o.line());
        assertTrue(o.detail().contains("differs at byte " + offset + " "), o.line());
    }

    @Test
    void theUntouchedFilePasses() throws IOException {
        for (Outcome o : VectorRunner.run(parse(original()))) {
            assertEquals(Outcome.Status.PASSED, o.status(), o.line());
        }
    }

    @Test
    void aByteOfAnEncryptedRecord() throws IOException {
        int step = stepWith("send handshake record", "complete record", 2);
        assertPointsAt(replayWithFlip(step, "complete record", 100), step, "complete record", 100);
    }

    @Test
    void aByteOfASecret() throws IOException {
        int step = stepWith("derive secret \"tls13 s ap traffic\"", "expanded", 0);
        assertPointsAt(replayWithFlip(step, "expanded", 7), step, "expanded", 7);
    }

    @Test
    void aByteOfAnIv() throws IOException {
        int step = stepWith("derive write traffic keys for application data", "iv expanded", 0);
        assertPointsAt(replayWithFlip(step, "iv expanded", 11), step, "iv expanded", 11);
    }

    @Test
    void aByteOfTheDecryptedPayload() throws IOException {
        int step = stepWith("send application_data record", "payload", 0);
        Outcome o = replayWithFlip(step, "payload", 3);
        assertEquals(Outcome.Status.FAILED, o.status(), o.line());
        assertTrue(o.detail().contains("/steps/" + step + "/values/"), o.line());
    }

    @Test
    void aByteOfThePrivateKeyBreaksThePublicKey() throws IOException {
        Outcome o = replayWithFlip(0, "private key", 5);
        assertEquals(Outcome.Status.FAILED, o.status(), o.line());
        assertTrue(o.detail().startsWith("step 0 ") && o.detail().contains("/steps/0/values/public key"), o.line());
    }
}
