package tlsconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tlsconf.model.event.Direction;
import tlsconf.model.event.Event;
import tlsconf.model.event.MessageKind;
import tlsconf.model.event.Protection;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.HandshakeType;

/** Events print and parse back; message kinds map onto the shared vocabulary. */
class EventTest {

    @Test
    void everyEventRoundTripsThroughItsText() {
        for (Direction d : Direction.values()) {
            for (MessageKind k : MessageKind.values()) {
                for (Protection p : Protection.values()) {
                    Event e = new Event(d, k, p);
                    assertEquals(e, Event.parse(e.toString()));
                }
            }
        }
        assertEquals(Event.received(MessageKind.FINISHED, Protection.PLAINTEXT), Event.parse("recv Finished [plain]"));
    }

    @Test
    void badTextNamesTheBadPart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Event.parse("recv Finishd [hs]"));
        assertTrue(e.getMessage().contains("unknown message 'Finishd'"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Event.parse("got Finished [hs]"))
                .getMessage().contains("direction 'got'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Event.parse("recv Finished [x]"))
                .getMessage().contains("keys 'x'"));
        assertThrows(IllegalArgumentException.class, () -> Event.parse("Finished"));
    }

    @Test
    void everyHandshakeTypeButMessageHashHasAKind() {
        for (HandshakeType t : HandshakeType.values()) {
            if (t != HandshakeType.MESSAGE_HASH) {
                assertEquals(t, MessageKind.of(t).handshakeType().orElseThrow());
            }
        }
        assertEquals(ContentType.CHANGE_CIPHER_SPEC, MessageKind.CHANGE_CIPHER_SPEC_INVALID.contentType());
        assertEquals("HelloRetryRequest", MessageKind.HELLO_RETRY_REQUEST.label());
    }
}
