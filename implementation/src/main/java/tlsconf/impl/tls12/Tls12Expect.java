package tlsconf.impl.tls12;

import java.util.Arrays;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.model.vocabulary.HandshakeType;

/** The one way a TLS 1.2 state rejects what it does not expect: {@code unexpected_message} naming both sides. */
final class Tls12Expect {
    private Tls12Expect() {
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

    /** A ChangeCipherSpec where the state waits for a handshake message (RFC 5246 §7.1: early CCS). */
    static TlsAlertException unexpectedChangeCipherSpec(String state) {
        return Violation.BAD_CHANGE_CIPHER_SPEC.alert("ChangeCipherSpec in " + state);
    }

    private static String names(HandshakeType... types) {
        return Arrays.stream(types).map(HandshakeType::rfcName).reduce((a, b) -> a + " or " + b).orElse("");
    }
}
