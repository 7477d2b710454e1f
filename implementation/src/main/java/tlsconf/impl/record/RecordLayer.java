package tlsconf.impl.record;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.model.vocabulary.ContentType;

/**
 * The TLS 1.3 record layer (RFC 8446 §5) over byte buffers: splits incoming bytes into records, checks their headers
 * and lengths, opens protected ones; fragments and protects outgoing content. Keys change only between records
 * (§5.1): the caller installs new keys after it has consumed the record carrying the triggering message.
 */
public final class RecordLayer implements RecordSink {
    /** Padding to add to a protected record of a given type and length (RFC 8446 §5.4). */
    @FunctionalInterface
    public interface PaddingPolicy {
        int padding(int contentType, int length);
    }

    private final RecordFraming framing = new RecordFraming();

    private RecordProtection readProtection;
    private Epoch readEpoch = Epoch.PLAINTEXT;
    private int readGeneration;
    private RecordProtection writeProtection;
    private Epoch writeEpoch = Epoch.PLAINTEXT;
    private int writeGeneration;
    private int maxFragment = RecordProtection.MAX_PLAINTEXT;
    /** Largest TLSInnerPlaintext we send (content + type + padding): the peer's record_size_limit (RFC 8449). */
    private int maxInnerOut = RecordProtection.MAX_PLAINTEXT + 1;
    /** Largest TLSInnerPlaintext we accept: our advertised record_size_limit. */
    private int maxInnerIn = RecordProtection.MAX_PLAINTEXT + 1;
    private PaddingPolicy padding = (t, n) -> 0;
    private boolean acceptPlaintextAlerts = true;
    private int skipBudget;
    private int legacyVersion = 0x0303;

    public void setPaddingPolicy(PaddingPolicy p) {
        this.padding = p;
    }

    /** Largest fragment we send (record_size_limit or a test's choice); 1 .. 2^14. */
    public void setMaxFragment(int n) {
        if (n < 1 || n > RecordProtection.MAX_PLAINTEXT) {
            throw new IllegalArgumentException("fragment size " + n);
        }
        this.maxFragment = n;
    }

    /** The peer's record_size_limit (RFC 8449 §4): our protected records stay within it. */
    public void setPeerRecordSizeLimit(int limit) {
        maxInnerOut = Math.min(limit, RecordProtection.MAX_PLAINTEXT + 1);
    }

    /** Our advertised record_size_limit: a larger protected record from the peer is record_overflow. */
    public void setOwnRecordSizeLimit(int limit) {
        maxInnerIn = Math.min(limit, RecordProtection.MAX_PLAINTEXT + 1);
    }

    public void setReadKeys(Epoch epoch, RecordProtection protection) {
        readGeneration = epoch == readEpoch ? readGeneration + 1 : 0;
        readEpoch = epoch;
        readProtection = protection;
    }

    /** Plaintext again: only for a second ClientHello after 0-RTT was attempted (RFC 8446 §4.1.2). */
    public void clearWriteKeys() {
        writeEpoch = Epoch.PLAINTEXT;
        writeGeneration = 0;
        writeProtection = null;
    }

    public void setWriteKeys(Epoch epoch, RecordProtection protection) {
        writeGeneration = epoch == writeEpoch ? writeGeneration + 1 : 0;
        writeEpoch = epoch;
        writeProtection = protection;
    }

    public Epoch readEpoch() {
        return readEpoch;
    }

    public Epoch writeEpoch() {
        return writeEpoch;
    }

    /** Whether a plaintext alert is still acceptable while the read side is protected (the peer may lack keys). */
    public void setAcceptPlaintextAlerts(boolean accept) {
        this.acceptPlaintextAlerts = accept;
    }

    /**
     * A server that declines 0-RTT skips records it cannot open under its handshake keys, up to {@code maxBytes},
     * until one opens (RFC 8446 §4.2.10).
     */
    public void skipUndecryptable(int maxBytes) {
        this.skipBudget = maxBytes;
    }

    public void feed(byte[] data, int off, int len) {
        framing.feed(data, off, len);
    }

    /** Bytes received but not yet part of a complete record. */
    public int buffered() {
        return framing.buffered();
    }

    /** The next complete record, opened; null when more bytes are needed. */
    public Record next() throws TlsAlertException {
        if (!framing.hasHeader()) {
            return null;
        }
        int type = framing.type();
        int length = framing.length();
        if (ContentType.fromCode(type).isEmpty() || type == ContentType.HEARTBEAT.code()) {
            // RFC 8446 §5: an unknown content type is unexpected_message.
            throw Violation.UNKNOWN_CONTENT_TYPE.alert("record content type " + type);
        }
        // RFC 8446 §5.1/§5.2: plaintext over 2^14, ciphertext over 2^14+256 is record_overflow.
        boolean opened = readProtection != null && type == ContentType.APPLICATION_DATA.code();
        int max = opened ? RecordProtection.MAX_CIPHERTEXT : RecordProtection.MAX_PLAINTEXT;
        if (length > max) {
            throw Violation.RECORD_OVERFLOW.alert("record of " + length + " bytes (limit " + max + ")");
        }
        byte[] fragment = framing.takeFragment();
        if (fragment == null) {
            return null;
        }
        if (readProtection == null) {
            if (type == ContentType.APPLICATION_DATA.code() && skipBudget >= fragment.length) {
                // §4.2.10: after a HelloRetryRequest the server skips the client's 0-RTT records.
                skipBudget -= fragment.length;
                return next();
            }
            if (type == ContentType.HANDSHAKE.code()) {
                skipBudget = 0;
            }
            if (type == ContentType.APPLICATION_DATA.code()) {
                throw Violation.UNEXPECTED_CONTENT_TYPE.alert("application_data record before keys were established");
            }
            checkNotEmpty(type, fragment.length);
            return new Record(type, fragment, Epoch.PLAINTEXT, 0);
        }
        if (type == ContentType.CHANGE_CIPHER_SPEC.code()) {
            // RFC 8446 §5: the compatibility CCS stays unprotected; the handshake decides whether it is allowed.
            return new Record(type, fragment, Epoch.PLAINTEXT, 0);
        }
        if (type != ContentType.APPLICATION_DATA.code()) {
            if (type == ContentType.ALERT.code() && acceptPlaintextAlerts && readEpoch == Epoch.HANDSHAKE) {
                checkNotEmpty(type, fragment.length);
                return new Record(type, fragment, Epoch.PLAINTEXT, 0);
            }
            throw Violation.PLAINTEXT_AFTER_KEYS.alert("unprotected " + ContentType.fromCode(type).get()
                    + " record under " + readEpoch + " keys");
        }
        RecordProtection.Inner inner;
        if (skipBudget > 0) {
            inner = readProtection.tryUnprotect(fragment);
            if (inner == null) {
                skipBudget -= Math.min(skipBudget, fragment.length);
                return next();
            }
            skipBudget = 0;
        } else {
            inner = readProtection.unprotect(fragment);
        }
        if (ContentType.fromCode(inner.type()).isEmpty() || inner.type() == ContentType.HEARTBEAT.code()) {
            throw Violation.UNKNOWN_CONTENT_TYPE.alert("inner content type " + inner.type());
        }
        if (fragment.length - 16 > maxInnerIn) {
            // RFC 8449 §4: a record over the limit we advertised is record_overflow.
            throw Violation.RECORD_OVERFLOW.alert("protected record of " + (fragment.length - 16)
                    + " plaintext bytes over our record_size_limit " + maxInnerIn);
        }
        checkNotEmpty(inner.type(), inner.content().length);
        return new Record(inner.type(), inner.content(), readEpoch, readGeneration);
    }

    private static void checkNotEmpty(int type, int length) throws TlsAlertException {
        // RFC 8446 §5.1: zero-length Handshake or Alert fragments MUST NOT be sent.
        if (length == 0 && (type == ContentType.HANDSHAKE.code() || type == ContentType.ALERT.code())) {
            throw Violation.EMPTY_HANDSHAKE_RECORD.alert("zero-length " + ContentType.fromCode(type).get()
                    + " record");
        }
    }

    /** Writes content of one type, fragmented to the limit, protected under the current write keys if any. */
    public void write(int contentType, byte[] data, int off, int len) throws TlsAlertException {
        int pos = off;
        int end = off + len;
        do {
            int limit = writeProtection == null ? maxFragment : Math.min(maxFragment, maxInnerOut - 1);
            int n = Math.min(limit, end - pos);
            writeRecord(contentType, data, pos, n);
            pos += n;
        } while (pos < end);
    }

    /** One record, exactly this content (no fragmentation): the seam uses it to send arbitrary records. */
    public void writeRecord(int contentType, byte[] data, int off, int len) throws TlsAlertException {
        if (writeProtection == null || contentType == ContentType.CHANGE_CIPHER_SPEC.code()) {
            writePlaintext(contentType, data, off, len);
        } else {
            int pad = Math.max(0, Math.min(padding.padding(contentType, len), maxInnerOut - 1 - len));
            framing.writeRaw(writeProtection.protect(contentType, data, off, len, pad));
        }
    }

    /** One unprotected record with any type and content, whatever the keys (for the seam and the CCS). */
    public void writePlaintext(int contentType, byte[] data, int off, int len) {
        framing.writeRecord(contentType, legacyVersion, data, off, len);
    }

    /**
     * legacy_record_version of plaintext records we write: 0x0303, or 0x0301 for an initial ClientHello (RFC 8446
     * §5.1 allows both; OpenSSL and RFC 8448 use 0x0301).
     */
    public void setLegacyVersion(int version) {
        this.legacyVersion = version;
    }

    /** Bytes straight onto the wire (malformed records from a test peer). */
    public void writeRaw(byte[] bytes) {
        framing.writeRaw(bytes);
    }

    public boolean hasOutput() {
        return framing.hasOutput();
    }

    public byte[] takeOutput() {
        return framing.takeOutput();
    }
}
