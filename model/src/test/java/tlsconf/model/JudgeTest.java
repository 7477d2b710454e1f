package tlsconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static tlsconf.model.vocabulary.AlertDescription.BAD_RECORD_MAC;
import static tlsconf.model.vocabulary.AlertDescription.DECODE_ERROR;
import static tlsconf.model.vocabulary.AlertDescription.HANDSHAKE_FAILURE;
import static tlsconf.model.vocabulary.AlertDescription.UNEXPECTED_MESSAGE;

import org.junit.jupiter.api.Test;
import tlsconf.model.event.Event;
import tlsconf.model.event.MessageKind;
import tlsconf.model.event.Protection;
import tlsconf.model.oracle.Judge;
import tlsconf.model.oracle.Judgement;
import tlsconf.model.oracle.Observation;
import tlsconf.model.oracle.Reaction;
import tlsconf.model.oracle.Strictness;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;

/** Judging observed reactions against the model's expectation at the three strictness levels. */
class JudgeTest {

    private static final Citation SECTION_4 = Citation.rfc8446("4", "out of order is unexpected_message");
    private static final Reaction.Abort ABORT = Reaction.Abort.with(SECTION_4, "Finished out of order",
            UNEXPECTED_MESSAGE, DECODE_ERROR);

    private static Observation fatal(AlertDescription d) {
        return new Observation.AlertReceived(AlertLevel.FATAL, d);
    }

    @Test
    void exactNeedsAnAcceptableAlert() {
        assertTrue(Judge.judge(ABORT, fatal(UNEXPECTED_MESSAGE), Strictness.EXACT).passed());
        Judgement other = Judge.judge(ABORT, fatal(DECODE_ERROR), Strictness.EXACT);
        assertTrue(other.passed());
        assertTrue(other.note().contains("preferred"), other::summary);
        Judgement wrong = Judge.judge(ABORT, fatal(HANDSHAKE_FAILURE), Strictness.EXACT);
        assertFalse(wrong.passed());
        assertTrue(wrong.summary().contains("unexpected_message (10)"), wrong::summary);
        assertTrue(wrong.summary().contains("handshake_failure (40)"), wrong::summary);
    }

    @Test
    void alertAcceptsAnyFatalAlertButNoClose() {
        assertTrue(Judge.judge(ABORT, fatal(HANDSHAKE_FAILURE), Strictness.ALERT).passed());
        assertFalse(Judge.judge(ABORT, new Observation.ConnectionClosed(), Strictness.ALERT).passed());
        assertFalse(Judge.judge(ABORT, new Observation.AlertReceived(AlertLevel.WARNING, UNEXPECTED_MESSAGE),
                Strictness.ALERT).passed());
    }

    @Test
    void closeAcceptsAPlainClose() {
        assertTrue(Judge.judge(ABORT, new Observation.ConnectionClosed(), Strictness.CLOSE).passed());
        assertTrue(Judge.judge(ABORT, fatal(BAD_RECORD_MAC), Strictness.CLOSE).passed());
        assertFalse(Judge.judge(ABORT, new Observation.TimedOut(), Strictness.CLOSE).passed());
    }

    @Test
    void ignoreMeansCarryOn() {
        Reaction.Ignore ignore = new Reaction.Ignore(Citation.rfc8446("5", "middlebox CCS is dropped"));
        assertTrue(Judge.judge(ignore, new Observation.HandshakeCompleted(), Strictness.EXACT).passed());
        assertTrue(Judge.judge(ignore, new Observation.MessageReceived(Event.received(MessageKind.FINISHED,
                Protection.HANDSHAKE)), Strictness.EXACT).passed());
        assertFalse(Judge.judge(ignore, fatal(UNEXPECTED_MESSAGE), Strictness.CLOSE).passed());
    }

    /** QuickTheories: completing or hanging after a deviation fails at every level; any fatal alert passes CLOSE. */
    @Test
    void acceptingADeviationNeverPasses() {
        AlertDescription[] alerts = AlertDescription.values();
        Strictness[] levels = Strictness.values();
        qt().forAll(integers().between(0, alerts.length - 1), integers().between(0, levels.length - 1))
                .checkAssert((a, l) -> {
                    Strictness level = levels[l];
                    assertFalse(Judge.judge(ABORT, new Observation.HandshakeCompleted(), level).passed());
                    assertFalse(Judge.judge(ABORT, new Observation.TimedOut(), level).passed());
                    boolean exactOk = ABORT.acceptable().contains(alerts[a]);
                    assertEquals(level != Strictness.EXACT || exactOk,
                            Judge.judge(ABORT, fatal(alerts[a]), level).passed());
                });
    }
}
