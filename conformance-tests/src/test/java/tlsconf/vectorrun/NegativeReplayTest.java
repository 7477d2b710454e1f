package tlsconf.vectorrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tlsconf.vectors.LoadResult;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.VectorLoader;
import tlsconf.vectors.json.Problems;

/** A negative vector fails when the reaction is not acceptable, and when the mutation is accepted. */
class NegativeReplayTest {
    private static Outcome run(String mutation, String alerts) {
        String text = "{\"kind\": \"negative\", \"id\": \"t/neg\", \"description\": \"d\", \"source\": {\"name\": "
                + "\"RFC 8446\", \"license\": \"l\"}, \"base\": \"rfc8448/3-simple-1rtt\", \"mutation\": " + mutation
                + ", \"acceptableAlerts\": [" + alerts + "], \"requirement\": \"r\"}";
        Problems p = new Problems("t.json");
        Optional<VectorFile> f = VectorLoader.parse("t.json", "t.json", text, p);
        assertTrue(f.isPresent(), p.errors().toString());
        return VectorRunner.run(f.get(), new LoadResult(List.of(), List.of())).get(0);
    }

    private static final String BAD_FINISHED = "{\"step\": 18, \"label\": \"Finished\", \"offset\": 4, \"xor\": \"01\"}";

    @Test
    void theRightAlertPasses() {
        Outcome o = run(BAD_FINISHED, "\"decrypt_error\"");
        assertEquals(Outcome.Status.PASSED, o.status(), o.line());
    }

    @Test
    void anotherAlertFails() {
        Outcome o = run(BAD_FINISHED, "\"internal_error\"");
        assertEquals(Outcome.Status.FAILED, o.status(), o.line());
        assertTrue(o.detail().contains("decrypt_error") && o.detail().contains("acceptable: [internal_error]"), o.line());
    }

    @Test
    void aBadClientFinishedGoesToTheReferenceServer() {
        String mutation = "{\"step\": 40, \"label\": \"Finished\", \"offset\": 35, \"xor\": \"80\"}";
        Outcome ok = run(mutation, "\"decrypt_error\"");
        assertEquals(Outcome.Status.PASSED, ok.status(), ok.line());
        assertTrue(ok.detail().startsWith("reference server sent decrypt_error"), ok.line());
        Outcome wrong = run(mutation, "\"bad_record_mac\"");
        assertEquals(Outcome.Status.FAILED, wrong.status(), wrong.line());
        Outcome unchanged = run(mutation.replace("\"80\"", "\"00\""), "\"decrypt_error\"");
        assertEquals(Outcome.Status.FAILED, unchanged.status(), unchanged.line());
        assertTrue(unchanged.detail().contains("accepted the mutated client Finished"), unchanged.line());
    }

    @Test
    void aMutationThatChangesNothingIsAcceptedAndFails() {
        Outcome o = run("{\"step\": 18, \"label\": \"Finished\", \"offset\": 4, \"xor\": \"00\"}", "\"decrypt_error\"");
        assertEquals(Outcome.Status.FAILED, o.status(), o.line());
        assertTrue(o.detail().contains("accepted the mutated"), o.line());
    }
}
