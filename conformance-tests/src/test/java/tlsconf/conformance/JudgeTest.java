package tlsconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.conformance.verdict.Judge;
import tlsconf.conformance.verdict.Judgement;
import tlsconf.conformance.verdict.Observation;
import tlsconf.conformance.verdict.Strictness;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;

class JudgeTest {
    private static final Expectation REJECT = Expectation.Reject.of("4.4.4", AlertDescription.DECRYPT_ERROR);

    @Test
    void exactAlertPassesEveryLevel() {
        Judgement j = Judge.judge(REJECT, Observation.Alert.of(AlertLevel.FATAL, AlertDescription.DECRYPT_ERROR),
                Strictness.EXACT);
        assertTrue(j.passed());
        assertEquals("exact: pass, alert: pass, close: pass", j.levelsSummary());
    }

    @Test
    void otherFatalAlertFailsOnlyExact() {
        Judgement j = Judge.judge(REJECT, Observation.Alert.of(AlertLevel.FATAL, AlertDescription.BAD_RECORD_MAC),
                Strictness.EXACT);
        assertFalse(j.passed());
        assertEquals("exact: fail, alert: pass, close: pass", j.levelsSummary());
        assertTrue(j.reason().contains("decrypt_error (51)"), j.reason());
    }

    @Test
    void warningLevelIsNotExact() {
        Judgement j = Judge.judge(REJECT, Observation.Alert.of(AlertLevel.WARNING, AlertDescription.DECRYPT_ERROR),
                Strictness.EXACT);
        assertFalse(j.passed());
    }

    @Test
    void closeNotifyCountsOnlyAsClose() {
        Judgement j = Judge.judge(REJECT, Observation.Alert.of(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY),
                Strictness.ALERT);
        assertEquals("exact: fail, alert: fail, close: pass", j.levelsSummary());
    }

    @Test
    void bareCloseCountsOnlyAsClose() {
        assertEquals("exact: fail, alert: fail, close: pass",
                Judge.judge(REJECT, new Observation.Closed(), Strictness.CLOSE).levelsSummary());
    }

    @Test
    void timeoutAndCompletionNeverRefuse() {
        assertEquals("exact: fail, alert: fail, close: fail",
                Judge.judge(REJECT, new Observation.Timeout(2000), Strictness.CLOSE).levelsSummary());
        assertEquals("exact: fail, alert: fail, close: fail",
                Judge.judge(REJECT, new Observation.Completed(), Strictness.CLOSE).levelsSummary());
    }

    @Test
    void acceptWantsCompletion() {
        Expectation accept = new Expectation.Accept("2");
        assertTrue(Judge.judge(accept, new Observation.Completed(), Strictness.EXACT).passed());
        assertFalse(Judge.judge(accept, Observation.Alert.of(AlertLevel.FATAL, AlertDescription.DECODE_ERROR),
                Strictness.CLOSE).passed());
        assertFalse(Judge.judge(accept, new Observation.NotPlayable("x"), Strictness.CLOSE).passed());
    }
}
