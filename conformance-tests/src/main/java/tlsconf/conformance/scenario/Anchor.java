package tlsconf.conformance.scenario;

import tlsconf.model.vocabulary.HandshakeType;

/**
 * Where in the test peer's own flight an injected record goes: before or after its handshake message of a type,
 * or after the handshake completed.
 */
public record Anchor(Position position, HandshakeType message) {
    public enum Position {
        BEFORE,
        AFTER,
        /** After the handshake completed on the peer's side; {@code message} is ignored. */
        AFTER_HANDSHAKE
    }

    public static Anchor before(HandshakeType message) {
        return new Anchor(Position.BEFORE, message);
    }

    public static Anchor after(HandshakeType message) {
        return new Anchor(Position.AFTER, message);
    }

    public static Anchor afterHandshake() {
        return new Anchor(Position.AFTER_HANDSHAKE, null);
    }

    public String describe() {
        return switch (position) {
            case BEFORE -> "before " + message.rfcName();
            case AFTER -> "after " + message.rfcName();
            case AFTER_HANDSHAKE -> "after the handshake";
        };
    }
}
