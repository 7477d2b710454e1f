package tlsconf.conformance.verdict;

import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;

/**
 * The target's final reaction to a scenario, as the test peer read it back. The trace of individual events is
 * kept beside it in {@link PlayResult}; this is the part the judge looks at.
 */
public sealed interface Observation {

    /** The handshake completed and the target went on (it answered application data, or reported completion). */
    record Completed() implements Observation {
        @Override
        public String describe() {
            return "handshake completed";
        }
    }

    /** The target sent an alert. {@code description} is null when the code is one tlsconf does not know. */
    record Alert(AlertLevel level, int code, AlertDescription description) implements Observation {
        public static Alert of(AlertLevel level, AlertDescription description) {
            return new Alert(level, description.code(), description);
        }

        /** close_notify and user_canceled end a connection; every other alert reports an error (RFC 8446 §6). */
        public boolean isError() {
            return description != AlertDescription.CLOSE_NOTIFY && description != AlertDescription.USER_CANCELED;
        }

        @Override
        public String describe() {
            String name = description == null ? "unknown alert (" + code + ")" : description.toString();
            return (level == null ? "alert" : level.name().toLowerCase(java.util.Locale.ROOT) + " alert") + " " + name;
        }
    }

    /** The target closed the transport without an alert, before completing. */
    record Closed() implements Observation {
        @Override
        public String describe() {
            return "connection closed without alert";
        }
    }

    /** The target said nothing within the step timeout. */
    record Timeout(long millis) implements Observation {
        @Override
        public String describe() {
            return "timeout: no reaction within " + millis + " ms";
        }
    }

    /**
     * The target went on past the peer's fault instead of refusing it: after the fault changed a handshake message
     * the target hashes, the target's next records could not be opened or verified by the peer, which happens only
     * when the target derived its keys or signatures from a transcript that includes the changed message. For a
     * rejection this fails at every level; for an acceptance it counts as accepting the message.
     */
    record Continued(String evidence) implements Observation {
        @Override
        public String describe() {
            return "continued past the fault (" + evidence + ")";
        }
    }

    /**
     * The target sent a record the peer could not open, of the size and (TLS 1.2) the content type of an alert, under
     * keys the peer has not derived: the target ended the connection with an alert whose level and description are
     * unknown. {@code why} says whose keys and why the peer lacks them (e.g. the target derived them from a
     * transcript holding a repeated message). Counts as an error alert, so a refusal passes at strictness alert and
     * close but never at exact.
     */
    record EncryptedAlert(int recordLength, String why) implements Observation {
        @Override
        public String describe() {
            return "encrypted alert-sized record (" + recordLength + " bytes), description unknown: " + why;
        }
    }

    /**
     * The target (re)started a handshake on the established connection: a client target answered a HelloRequest
     * with a ClientHello, or a server target answered a renegotiation ClientHello with a ServerHello.
     * {@code signalled} is whether its renegotiation_info carried the saved verify_data as RFC 5746 §3.5 / §3.7
     * require; {@code evidence} what the peer saw.
     */
    record Renegotiated(boolean signalled, String evidence) implements Observation {
        @Override
        public String describe() {
            return "renegotiated (" + evidence + ")";
        }
    }

    /**
     * The scenario could not be played as written (the target took another path than the one the scenario needs,
     * e.g. it did not request a client certificate). Never a pass: reported as an error of the scenario.
     */
    record NotPlayable(String reason) implements Observation {
        @Override
        public String describe() {
            return "scenario not playable: " + reason;
        }
    }

    /** One line for reports: {@code fatal alert decrypt_error (51)}. */
    String describe();
}
