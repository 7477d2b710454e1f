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

    /**
     * The target sent an alert. {@code description} is null when the code is one tlsconf does not know;
     * {@code carriage} says whether it travelled as the sender's records were due to (protected once the sender's keys
     * were in use), which a refusal with the right description can still get wrong.
     */
    record Alert(AlertLevel level, int code, AlertDescription description, Carriage carriage) implements Observation {
        public Alert {
            java.util.Objects.requireNonNull(carriage, "carriage");
        }

        public Alert(AlertLevel level, int code, AlertDescription description) {
            this(level, code, description, Carriage.AS_DUE);
        }

        public static Alert of(AlertLevel level, AlertDescription description) {
            return new Alert(level, description.code(), description);
        }

        /** The same alert, noted as travelling {@code how}. */
        public Alert carried(Carriage how) {
            return new Alert(level, code, description, how);
        }

        /** close_notify and user_canceled end a connection; every other alert reports an error (RFC 8446 §6). */
        public boolean isError() {
            return description != AlertDescription.CLOSE_NOTIFY && description != AlertDescription.USER_CANCELED;
        }

        @Override
        public String describe() {
            String name = description == null ? "unknown alert (" + code + ")" : description.toString();
            return (level == null ? "alert" : level.name().toLowerCase(java.util.Locale.ROOT) + " alert") + " " + name
                    + carriage.note();
        }
    }

    /**
     * How an alert record travelled. A sender's records are protected from the moment its keys are in use: TLS 1.2
     * from its own ChangeCipherSpec on (RFC 5246 §7.1: "immediately after sending this message, the sender MUST
     * instruct the record layer to make the write pending state the write active state"; §6.1), TLS 1.3 once it
     * writes under traffic keys (RFC 8446 §6: alerts "are encrypted as specified by the current connection state").
     */
    enum Carriage {
        /** Protected or not as the sender's state called for (or we cannot tell otherwise). */
        AS_DUE("", null),
        /** TLS 1.2: a plaintext alert record after the target's own ChangeCipherSpec. */
        UNPROTECTED_AFTER_CHANGE_CIPHER_SPEC("sent unprotected after its ChangeCipherSpec", "RFC 5246 §7.1, §6.1"),
        /** TLS 1.3: a plaintext alert record once the target had sent a protected record (handshake or application keys). */
        UNPROTECTED_UNDER_TRAFFIC_KEYS("sent unprotected after its records were protected", "RFC 8446 §6, §5.1");

        private final String what;
        private final String section;

        Carriage(String what, String section) {
            this.what = what;
            this.section = section;
        }

        /** The RFC sections the carriage breaks, or null when it breaks none. */
        public String violates() {
            return section;
        }

        String note() {
            return section == null ? ""
                    : ", " + what + " (" + section + ": the sender's records are protected by then)";
        }
    }

    /**
     * The target closed the transport without a fatal alert, before completing. {@code afterWarning}: a TLS 1.2
     * warning it sent before closing (RFC 5246 §7.2.2: one that means to close "MUST send that alert at the fatal
     * alert level"), or null.
     */
    record Closed(Alert afterWarning) implements Observation {
        public Closed() {
            this(null);
        }

        @Override
        public String describe() {
            return "connection closed without alert" + (afterWarning == null ? ""
                    : " (after a " + afterWarning.describe() + ")");
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
