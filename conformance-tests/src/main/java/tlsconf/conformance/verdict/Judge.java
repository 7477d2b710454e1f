package tlsconf.conformance.verdict;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import tlsconf.model.Citation;
import tlsconf.model.event.Event;
import tlsconf.model.event.MessageKind;
import tlsconf.model.oracle.Reaction;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;

/**
 * Compares an observation with an expectation at a strictness. The verdict is the formal model's ({@link
 * tlsconf.model.oracle.Judge}): expectations become model reactions and observations model observations. Only what
 * the model has no word for is decided here: a scenario that could not be played (never a pass), an alert the peer
 * could not decrypt (an alert, but of unknown description), an alert sent in plaintext where the target's records
 * were due to be protected (never exact: {@link Observation.Carriage}), the either-or of {@link
 * Expectation.RejectOrContinue}, and the declined renegotiation of {@link Expectation.IgnoreOrWarn}. Pure: no I/O,
 * no state.
 */
public final class Judge {
    private Judge() {
    }

    public static Judgement judge(Expectation expected, Observation observed, Strictness strictness) {
        Map<Strictness, Boolean> levels = new EnumMap<>(Strictness.class);
        for (Strictness s : Strictness.values()) {
            levels.put(s, passes(expected, observed, s));
        }
        boolean passed = levels.get(strictness);
        String reason = passed
                ? "as expected: " + observed.describe()
                : "expected " + expected.describe() + ", observed " + observed.describe();
        return new Judgement(strictness, passed, reason, levels);
    }

    static boolean passes(Expectation expected, Observation observed, Strictness strictness) {
        if (observed instanceof Observation.NotPlayable) {
            return false;
        }
        if (observed instanceof Observation.Alert a && a.carriage().violates() != null
                && strictness == Strictness.EXACT) {
            // The right words on the wrong wire: an alert in plaintext after the target's keys took over breaks
            // RFC 5246 §7.1 (TLS 1.2, after its ChangeCipherSpec) or RFC 8446 §6 (TLS 1.3) whatever it says; at
            // strictness alert and close it still counts as the alert it is.
            return false;
        }
        if (expected instanceof Expectation.IgnoreOrWarn decline) {
            return declines(decline, observed, strictness);
        }
        if (expected instanceof Expectation.RejectOrContinue either) {
            return observed instanceof Observation.Completed || passes(either.reject(), observed, strictness);
        }
        if (observed instanceof Observation.EncryptedAlert) {
            // An alert under keys we could not derive: it ends the connection, its description is unknown.
            return expected instanceof Expectation.Reject && strictness != Strictness.EXACT;
        }
        if (observed instanceof Observation.Alert a && a.description() == null) {
            // An alert we could not read: it ends the connection, but which one it was is unknown.
            return expected instanceof Expectation.Reject && strictness != Strictness.EXACT;
        }
        return tlsconf.model.oracle.Judge.judge(reaction(expected), modelObservation(observed),
                tlsconf.model.oracle.Strictness.valueOf(strictness.name())).passed();
    }

    /**
     * RFC 5246 §7.4.1.1 / §7.2.2 and RFC 5746 §3-4: the reactions {@code e} lists pass at every level; at strictness
     * alert any other error alert too (the request was refused, with the wrong alert), at close also a close.
     */
    private static boolean declines(Expectation.IgnoreOrWarn e, Observation o, Strictness strictness) {
        if (o instanceof Observation.Continued || o instanceof Observation.Completed) {
            return e.mayIgnore();
        }
        if (o instanceof Observation.Renegotiated r) {
            return e.mayRenegotiate() && r.signalled();
        }
        if (o instanceof Observation.Alert a) {
            if (a.level() == AlertLevel.WARNING && a.description() == e.warning()) {
                return true;
            }
            if (a.level() == AlertLevel.FATAL && e.fatal().contains(a.description())) {
                return true;
            }
            return a.isError() ? strictness != Strictness.EXACT : strictness == Strictness.CLOSE;
        }
        if (o instanceof Observation.EncryptedAlert) {
            return strictness != Strictness.EXACT;
        }
        // A close without alert refuses too, if impolitely; silence or a hang is no answer at all.
        return o instanceof Observation.Closed && strictness == Strictness.CLOSE;
    }

    /** The model reaction an expectation stands for (every expectation of the catalogue cites RFC 8446). */
    static Reaction reaction(Expectation expected) {
        if (expected instanceof Expectation.Accept a) {
            return new Reaction.Ignore(Citation.rfc8446(a.section(), "the handshake completes"));
        }
        Expectation.Reject r = (Expectation.Reject) expected;
        return new Reaction.Abort(r.preferred(), r.acceptable(), Citation.rfc8446(r.section(), "refuse"),
                "deviation");
    }

    static tlsconf.model.oracle.Observation modelObservation(Observation o) {
        if (o instanceof Observation.Completed) {
            return new tlsconf.model.oracle.Observation.HandshakeCompleted();
        }
        if (o instanceof Observation.Continued || o instanceof Observation.Renegotiated) {
            // The target went on with its handshake: for the model, it carried on and sent its next message.
            return new tlsconf.model.oracle.Observation.MessageReceived(
                    Event.sent(MessageKind.FINISHED, tlsconf.model.event.Protection.HANDSHAKE));
        }
        if (o instanceof Observation.Alert a) {
            if (a.description() == AlertDescription.CLOSE_NOTIFY) {
                return new tlsconf.model.oracle.Observation.ConnectionClosed();
            }
            return new tlsconf.model.oracle.Observation.AlertReceived(
                    Optional.ofNullable(a.level()).orElse(AlertLevel.FATAL), a.description());
        }
        if (o instanceof Observation.Closed) {
            return new tlsconf.model.oracle.Observation.ConnectionClosed();
        }
        return new tlsconf.model.oracle.Observation.TimedOut();
    }
}
