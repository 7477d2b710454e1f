package tlsconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.model.event.Event;
import tlsconf.model.event.MessageKind;
import tlsconf.model.event.Protection;
import tlsconf.model.generate.Bounds;
import tlsconf.model.generate.PathGenerator;
import tlsconf.model.generate.ValidPath;
import tlsconf.model.oracle.Decision;
import tlsconf.model.oracle.Oracle;
import tlsconf.model.oracle.Reaction;
import tlsconf.model.oracle.TraceCheck;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * RFC 8446 §5, stated from the trace alone (not from the table): a plaintext ChangeCipherSpec of value 0x01
 * received after the first ClientHello was sent or received and before the peer's Finished was received is
 * dropped; anywhere else it is unexpected_message. Checked by QuickTheories at random positions of random valid
 * TLS 1.3 paths of both sides.
 */
class MiddleboxCcsPropertyTest {

    private static final Event CCS = Event.received(MessageKind.CHANGE_CIPHER_SPEC, Protection.PLAINTEXT);

    @Test
    void plaintextCcsIsDroppedExactlyInsideTheWindow() {
        List<Model> models = List.of(Models.all().get(0), Models.all().get(1));
        List<List<ValidPath>> paths = models.stream()
                .map(m -> PathGenerator.allPaths(m, Bounds.HANDSHAKES)).toList();
        qt().withExamples(500).forAll(integers().between(0, 1), integers().between(0, 100_000),
                integers().between(0, 100)).checkAssert((mi, pi, pos) -> {
                    Model m = models.get(mi);
                    ValidPath path = paths.get(mi).get(pi % paths.get(mi).size());
                    List<Event> events = path.events();
                    int at = pos % (events.size() + 1);
                    int firstHello = indexOf(events, MessageKind.CLIENT_HELLO, null);
                    int peerFinished = indexOf(events, MessageKind.FINISHED, Boolean.TRUE);
                    int closed = indexOf(events, MessageKind.CLOSE_NOTIFY, null);
                    if (closed >= 0 && at > closed) {
                        return; // the connection is over (RFC 8446 §6.1)
                    }
                    List<Event> trace = new ArrayList<>(events);
                    trace.add(at, CCS);
                    TraceCheck c = Oracle.of(m, path.parameters()).check(trace);
                    boolean inWindow = at > firstHello && at <= peerFinished;
                    if (inWindow) {
                        assertTrue(c.complete(), () -> m.title() + " at " + at + ": " + trace);
                        assertInstanceOf(Decision.Ignored.class, c.decisions().get(at));
                    } else {
                        assertEquals(at, c.rejectedAt(), () -> m.title() + " at " + at + ": " + trace);
                        Reaction.Abort a = assertInstanceOf(Reaction.Abort.class,
                                c.rejection().orElseThrow().reaction());
                        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, a.preferred());
                        assertEquals("5", a.citation().section());
                    }
                });
        assertEquals(TlsVersion.TLS_1_3, models.get(1).version());
    }

    /** Index of the first event of {@code kind}; {@code received} null for either direction. */
    private static int indexOf(List<Event> events, MessageKind kind, Boolean received) {
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.kind() == kind && (received == null || e.isReceived() == received)) {
                return i;
            }
        }
        return -1;
    }
}
