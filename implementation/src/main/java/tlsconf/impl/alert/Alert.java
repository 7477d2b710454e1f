package tlsconf.impl.alert;

import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;

/**
 * The content of an alert record, the same two bytes in both versions (RFC 8446 §6, RFC 5246 §7.2): a level and a
 * description. Both are kept as numbers so that an unknown value the peer sent is reported as it was.
 */
public record Alert(int level, int description) {
    public static Alert fatal(AlertDescription d) {
        return new Alert(AlertLevel.FATAL.code(), d.code());
    }

    public static Alert warning(AlertDescription d) {
        return new Alert(AlertLevel.WARNING.code(), d.code());
    }

    /** close_notify, sent at the warning level as RFC 5246 §7.2.1 has it (TLS 1.3 ignores the level). */
    public static Alert closeNotify() {
        return warning(AlertDescription.CLOSE_NOTIFY);
    }

    /** Exactly two bytes, or {@code decode_error} (BAD_ALERT). */
    public static Alert decode(byte[] content) throws TlsAlertException {
        if (content.length != 2) {
            throw Violation.BAD_ALERT.alert("alert record of " + content.length + " bytes");
        }
        return new Alert(content[0] & 0xff, content[1] & 0xff);
    }

    public byte[] encode() {
        return new byte[] {(byte) level, (byte) description};
    }

    public boolean is(AlertDescription d) {
        return description == d.code();
    }

    public boolean isWarning() {
        return level == AlertLevel.WARNING.code();
    }

    /** The exception for this alert as received from the peer (an unknown description keeps its number). */
    public TlsAlertException received() {
        return AlertDescription.fromCode(description).map(TlsAlertException::received)
                .orElseGet(() -> TlsAlertException.receivedUnknown(description));
    }
}
