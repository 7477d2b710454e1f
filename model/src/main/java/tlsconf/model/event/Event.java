package tlsconf.model.event;

import java.util.Objects;

/**
 * One step of a trace, seen from the modelled side: it sent or received a message of some kind under some keys.
 * "A Finished in plaintext" and "an encrypted ChangeCipherSpec" are distinct events.
 */
public record Event(Direction direction, MessageKind kind, Protection protection) {

    public Event {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(protection, "protection");
    }

    public static Event sent(MessageKind kind, Protection protection) {
        return new Event(Direction.SENT, kind, protection);
    }

    public static Event received(MessageKind kind, Protection protection) {
        return new Event(Direction.RECEIVED, kind, protection);
    }

    public boolean isReceived() {
        return direction == Direction.RECEIVED;
    }

    public boolean isSent() {
        return direction == Direction.SENT;
    }

    public Event withProtection(Protection other) {
        return new Event(direction, kind, other);
    }

    /**
     * Parses the form {@link #toString()} writes ({@code recv Finished [hs]}, {@code send close_notify [app]});
     * an {@link IllegalArgumentException} names the bad part and the accepted values.
     */
    public static Event parse(String text) {
        String t = text.strip();
        int space = t.indexOf(' ');
        int open = t.lastIndexOf(" [");
        if (space < 0 || open <= space || !t.endsWith("]")) {
            throw new IllegalArgumentException("event '" + text
                    + "' is not of the form 'send|recv <Message> [plain|early|hs|app]'");
        }
        String verb = t.substring(0, space);
        String label = t.substring(space + 1, open);
        String keys = t.substring(open + 2, t.length() - 1);
        Direction direction = null;
        for (Direction d : Direction.values()) {
            if (d.verb().equals(verb)) {
                direction = d;
            }
        }
        if (direction == null) {
            throw new IllegalArgumentException("event '" + text + "': direction '" + verb + "' is not send or recv");
        }
        MessageKind kind = null;
        for (MessageKind k : MessageKind.values()) {
            if (k.label().equals(label)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("event '" + text + "': unknown message '" + label + "'");
        }
        for (Protection p : Protection.values()) {
            if (p.shortName().equals(keys)) {
                return new Event(direction, kind, p);
            }
        }
        throw new IllegalArgumentException("event '" + text + "': keys '" + keys + "' are not plain, early, hs or app");
    }

    /** {@code recv Finished [hs]}: the form of diagrams, deviation names and judgements. */
    @Override
    public String toString() {
        return direction.verb() + " " + kind.label() + " [" + protection.shortName() + "]";
    }
}
