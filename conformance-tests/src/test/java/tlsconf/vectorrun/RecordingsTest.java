package tlsconf.vectorrun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tlsconf.vectors.LoadResult;
import tlsconf.vectors.VectorLoader;

/**
 * Re-records the golden transcripts that changed against the installed openssl and gnutls-serv (opt-in:
 * {@code mvn -pl conformance-tests test -Dtest=RecordingsTest -Dvectors.record=true}), then replays what it wrote.
 * Normal builds only replay the committed recordings (VectorFilesTest), with no peer running.
 */
class RecordingsTest {
    @Test
    @EnabledIfSystemProperty(named = "vectors.record", matches = "true")
    void reRecordAgainstOpenSsl() throws Exception {
        Path root = Path.of("..", "vectors", "src", "main", "resources", "vectors", "recordings");
        List<Path> written = Recorder.recordAll(root);
        LoadResult loaded = VectorLoader.load(written);
        assertEquals(List.of(), loaded.errors());
        for (var f : loaded.files()) {
            Outcome o = RecordingReplay.run(f);
            assertEquals(Outcome.Status.PASSED, o.status(), o.line());
        }
    }
}
