package tlsconf.impl.handshake;

import java.util.Arrays;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.model.vocabulary.HandshakeType;

/** The one way to reject a message the state does not expect: {@code unexpected_message} naming both types. */
final class Expect {
    private Expect() {
    }

    static HandshakeType oneOf(HandshakeFrame frame, String state, HandshakeType... expected)
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

    private static String names(HandshakeType... types) {
        return types.length == 1 ? types[0].rfcName()
                : Arrays.stream(types).map(HandshakeType::rfcName).reduce((a, b) -> a + " or " + b).orElse("");
    }
}
