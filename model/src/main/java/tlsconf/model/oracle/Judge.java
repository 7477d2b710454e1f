package tlsconf.model.oracle;

import tlsconf.model.vocabulary.AlertLevel;

/**
 * Compares what a side did with what the model expects, at a {@link Strictness}.
 *
 * <ul>
 *   <li>{@link Reaction.Abort}: EXACT needs a fatal alert from the acceptable list; ALERT any fatal alert;
 *       CLOSE a fatal alert or a plain close. Completing, carrying on or hanging always fails.
 *   <li>{@link Reaction.Close}: a fatal alert or a close, at every level.
 *   <li>{@link Reaction.Ignore}: the side must carry on: complete the handshake or send its next message.
 * </ul>
 */
public final class Judge {

    private Judge() {
    }

    public static Judgement judge(Reaction expected, Observation observed, Strictness strictness) {
        String exp = expected.describe();
        String obs = observed.describe();
        if (expected instanceof Reaction.Ignore) {
            boolean carriedOn = observed instanceof Observation.HandshakeCompleted
                    || observed instanceof Observation.MessageReceived;
            return new Judgement(carriedOn, strictness, exp, obs, carriedOn ? "" : "the message should have been ignored");
        }
        if (expected instanceof Reaction.Close) {
            boolean closed = observed instanceof Observation.ConnectionClosed
                    || observed instanceof Observation.AlertReceived a && a.level() == AlertLevel.FATAL;
            return new Judgement(closed, strictness, exp, obs, closed ? "" : "the side did not end the connection");
        }
        return judgeAbort((Reaction.Abort) expected, observed, strictness, exp, obs);
    }

    /** Judges what a side did after a generated deviation's offending event. */
    public static Judgement judge(tlsconf.model.generate.Deviation deviation, Observation observed,
            Strictness strictness) {
        return judge(deviation.expected(), observed, strictness);
    }

    private static Judgement judgeAbort(Reaction.Abort abort, Observation observed, Strictness strictness,
            String exp, String obs) {
        if (observed instanceof Observation.AlertReceived a && a.level() == AlertLevel.FATAL) {
            if (strictness != Strictness.EXACT) {
                return new Judgement(true, strictness, exp, obs, "");
            }
            if (a.description() == abort.preferred()) {
                return new Judgement(true, strictness, exp, obs, "");
            }
            if (abort.acceptable().contains(a.description())) {
                return new Judgement(true, strictness, exp, obs, "acceptable, the preferred alert is "
                        + abort.preferred());
            }
            return new Judgement(false, strictness, exp, obs, "wrong alert");
        }
        if (observed instanceof Observation.ConnectionClosed && strictness == Strictness.CLOSE) {
            return new Judgement(true, strictness, exp, obs, "closed without the alert");
        }
        String note;
        if (observed instanceof Observation.AlertReceived) {
            note = "a warning does not end the handshake";
        } else if (observed instanceof Observation.ConnectionClosed) {
            note = "closed, but without the fatal alert";
        } else if (observed instanceof Observation.TimedOut) {
            note = "the side neither alerted nor closed";
        } else if (observed instanceof Observation.HandshakeCompleted) {
            note = "the deviating handshake was accepted";
        } else {
            note = "the side carried on after the deviation";
        }
        return new Judgement(false, strictness, exp, obs, note);
    }
}
