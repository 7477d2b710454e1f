package tlsconf.conformance.peer;

import java.util.List;
import java.util.function.BooleanSupplier;
import tlsconf.conformance.target.Connection;
import tlsconf.conformance.verdict.Observation;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Reads a record of the target's that the peer's engine could not open (bad_record_mac) as an alert when it is one:
 * the target often refuses under keys the peer has not derived (the JDK hashes a repeated ServerHello before it
 * refuses it, so its alert is under keys of a transcript the peer never had). Reading such a record as "the target
 * went on" would turn a refusal into acceptance; reading it as an alert of unknown description lets strictness alert
 * and close judge it and exact report what is known.
 */
final class SealedAlerts {
    /** A TLS 1.3 alert under a 16-byte AEAD tag: 2 bytes of alert, 1 of inner type, 16 of tag (RFC 8446 §5.2). */
    private static final int TLS13_BARE_ALERT = 2 + 1 + 16;
    /** The smallest protected TLS 1.3 handshake record: an EncryptedExtensions without extensions (6 + 1 + 16). */
    private static final int TLS13_SMALLEST_HANDSHAKE = 6 + 1 + 16;
    /** Padding we still take for an alert when the target closes right after the record (the JDK sends 35 bytes). */
    private static final int TLS13_PADDED_ALERT_MAX = 64;

    private SealedAlerts() {
    }

    /**
     * What the refused record {@code rec} (header included) was, or null when it cannot be an alert: also when it
     * opens under some key as another content type, which proves the target went on whatever the record's size.
     *
     * @param last         nothing followed it in what the target sent so far
     * @param divergedAt   the first message whose bytes the peer changed on the wire, or null
     * @param closesAfter  asks whether the target closes right after it (waits briefly; only called when needed)
     */
    static Observation read(byte[] rec, boolean last, TlsVersion version, HandshakeType divergedAt,
                            PeerSecrets secrets, List<String> trace, BooleanSupplier closesAfter) {
        int type = rec[0] & 0xff;
        int length = rec.length - Records.HEADER;
        if (type == ContentType.ALERT.code() && length == 2) {
            // Sent in plaintext where our engine expected protection (RFC 5246 §6.2.3, RFC 8446 §5.2): readable.
            Observation.Alert a = alert(rec[Records.HEADER], rec[Records.HEADER + 1]);
            trace.add("target -> alert " + a.describe() + " in plaintext where protected records were due");
            return a;
        }
        if (type == ContentType.APPLICATION_DATA.code() && version == TlsVersion.TLS_1_3) {
            // Keys we have but were not reading with at that moment (handshake versus application keys).
            PeerSecrets.Opened opened = secrets.open(rec);
            if (opened != null && opened.type() != ContentType.ALERT.code()) {
                // Opened, and not an alert: the target's own record, whatever its size (it went on).
                return null;
            }
            if (opened != null && opened.content().length == 2) {
                Observation.Alert a = alert(opened.content()[0], opened.content()[1]);
                trace.add("target -> alert " + a.describe() + " (opened with " + opened.label() + ", record "
                        + opened.sequence() + ")");
                return a;
            }
        }
        if (type == ContentType.APPLICATION_DATA.code() && version == TlsVersion.TLS_1_3
                || type == ContentType.ALERT.code() && version == TlsVersion.TLS_1_2) {
            // Keys the target derived from the transcript it saw, where ours differs (a message changed on the wire).
            TargetKeys.Opened opened = secrets.wire().open(rec);
            if (opened != null && opened.type() != ContentType.ALERT.code()) {
                return null;
            }
            if (opened != null && opened.content().length == 2) {
                Observation.Alert a = alert(opened.content()[0], opened.content()[1]);
                trace.add("target -> alert " + a.describe() + " (opened with the " + opened.how() + ")");
                return a;
            }
        }
        if (type == ContentType.ALERT.code() && version == TlsVersion.TLS_1_2) {
            // TLS 1.2 keeps the content type outside the protection (RFC 5246 §6.2.3): an alert, sealed.
            return new Observation.EncryptedAlert(length, why(divergedAt));
        }
        if (type != ContentType.APPLICATION_DATA.code() || version != TlsVersion.TLS_1_3 || !last) {
            return null;
        }
        if (length >= TLS13_BARE_ALERT && length < TLS13_SMALLEST_HANDSHAKE) {
            return new Observation.EncryptedAlert(length, why(divergedAt));
        }
        // A padded alert looks like a small handshake record; an alert is a target's last word, a handshake message
        // is followed by waiting for us.
        if (length >= TLS13_BARE_ALERT && length <= TLS13_PADDED_ALERT_MAX && closesAfter.getAsBoolean()) {
            return new Observation.EncryptedAlert(length, why(divergedAt) + "; the target closed right after it");
        }
        return null;
    }

    /**
     * Whether the target closes the connection right after a record we could not open, before we say anything: then
     * that record was its last word. Bounded by a quarter of the step timeout.
     */
    static boolean closesRightAfter(Connection connection, java.time.Duration step, List<String> trace) {
        Connection.Received r = connection.receive(step.dividedBy(4));
        if (r instanceof Connection.Received.Eof) {
            trace.add("target closed the connection right after that record");
            return true;
        }
        if (r instanceof Connection.Received.Data d) {
            trace.add("target -> " + d.bytes().length + " more byte(s) after that record");
        }
        return false;
    }

    private static Observation.Alert alert(byte levelByte, byte codeByte) {
        int level = levelByte & 0xff;
        int code = codeByte & 0xff;
        return new Observation.Alert(AlertLevel.fromCode(level).orElse(null), code,
                AlertDescription.fromCode(code).orElse(null));
    }

    private static String why(HandshakeType divergedAt) {
        if (divergedAt == null) {
            return "under keys the peer cannot reproduce";
        }
        return "under keys the target derived from its transcript, which differs from the peer's since "
                + divergedAt.rfcName()
                + " (its refusal of that change, or its failure to open the peer's next records)";
    }
}
