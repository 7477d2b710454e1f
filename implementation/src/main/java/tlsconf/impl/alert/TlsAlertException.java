package tlsconf.impl.alert;

import java.io.IOException;
import tlsconf.model.vocabulary.AlertDescription;

/**
 * The one exception a TLS protocol failure raises (RFC 8446 §6): the alert that was sent by us or received from the
 * peer, the named violation and a reason. After it, the connection is dead.
 * Message: {@code alert sent: decrypt_error (51): Finished verify_data mismatch}.
 */
public final class TlsAlertException extends IOException {
    private static final long serialVersionUID = 1L;

    private final AlertDescription description;
    private final Violation violation;
    private final boolean sentByUs;
    private final String reason;

    private TlsAlertException(AlertDescription description, Violation violation, boolean sentByUs, String reason) {
        super((sentByUs ? "alert sent: " : "alert received: ") + description
                + (reason == null || reason.isEmpty() ? "" : ": " + reason));
        this.description = description;
        this.violation = violation;
        this.sentByUs = sentByUs;
        this.reason = reason;
    }

    public static TlsAlertException sent(AlertDescription description, Violation violation, String reason) {
        return new TlsAlertException(description, violation, true, reason);
    }

    public static TlsAlertException received(AlertDescription description) {
        return new TlsAlertException(description, Violation.PEER_ALERT, false, "");
    }

    /** A received alert whose code tlsconf does not know: reported as the raw number. */
    public static TlsAlertException receivedUnknown(int code) {
        return new TlsAlertException(AlertDescription.INTERNAL_ERROR, Violation.PEER_ALERT, false,
                "unknown alert code " + code);
    }

    public AlertDescription description() {
        return description;
    }

    public Violation violation() {
        return violation;
    }

    /** True when our side sent the alert, false when the peer sent it. */
    public boolean sentByUs() {
        return sentByUs;
    }

    public String reason() {
        return reason;
    }
}
