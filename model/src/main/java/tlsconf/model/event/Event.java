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

    /** {@code recv Finished [hs]}: the form of diagrams, deviation names and judgements. */
    @Override
    public String toString() {
        return direction.verb() + " " + kind.label() + " [" + protection.shortName() + "]";
    }
}
