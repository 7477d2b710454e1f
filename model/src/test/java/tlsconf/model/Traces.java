package tlsconf.model;

import java.util.List;
import tlsconf.model.event.Event;
import tlsconf.model.event.MessageKind;
import tlsconf.model.event.Protection;

/** Short names for writing traces in tests: {@code s(CLIENT_HELLO, PLAINTEXT)}, {@code r(FINISHED, HANDSHAKE)}. */
public final class Traces {

    private Traces() {
    }

    public static Event s(MessageKind kind, Protection protection) {
        return Event.sent(kind, protection);
    }

    public static Event r(MessageKind kind, Protection protection) {
        return Event.received(kind, protection);
    }

    public static List<Event> trace(Event... events) {
        return List.of(events);
    }

    @SafeVarargs
    public static List<Event> concat(List<Event>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
