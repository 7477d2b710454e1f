package tlsconf.impl.message;

import java.util.Arrays;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * The one way a handshake state of either version rejects a message it does not expect: {@code unexpected_message}
 * naming the state, the expected and the received type.
 */
public final class Expect {
    private Expect() {
    }

    /** The frame's type if it is one of {@code expected}; otherwise the alert. */
    public static HandshakeType oneOf(HandshakeFrame frame, String state, HandshakeType... expected)
            throws TlsAlertException {
        HandshakeType got = frame.type().orElse(null);
        for (HandshakeType t : expected) {
            if (t == got) {
                return t;
            }
        }
        throw Violation.UNEXPECTED_MESSAGE.alert("in " + state + " expected " + names(expected) + " but received "
                + frame.typeName());
    }

    /** A TLS 1.2 ChangeCipherSpec where the state waits for a handshake message (RFC 5246 §7.1: early CCS). */
    public static TlsAlertException unexpectedChangeCipherSpec(String state) {
        return Violation.BAD_CHANGE_CIPHER_SPEC.alert("ChangeCipherSpec in " + state);
    }

    private static String names(HandshakeType... types) {
        return Arrays.stream(types).map(HandshakeType::rfcName).reduce((a, b) -> a + " or " + b).orElse("");
    }
}
