package tlsconf.impl.tls12;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.record.Record;
import tlsconf.impl.record.RecordFraming;
import tlsconf.impl.record.RecordSink;
import tlsconf.model.vocabulary.ContentType;

/**
 * The TLS 1.2 record layer (RFC 5246 §6.2) over byte buffers: frames records, checks type, version and length, opens
 * them once the peer's ChangeCipherSpec switched the read state, and fragments and protects what we send. Unlike TLS
 * 1.3 the real content type is in the clear and every type is protected after ChangeCipherSpec.
 */
public final class Tls12RecordLayer implements RecordSink {
    private static final int VERSION = 0x0303;

    private final RecordFraming framing = new RecordFraming();
    private Tls12Protection read;
    private Tls12Protection write;
    private int maxFragment = Tls12Protection.MAX_PLAINTEXT;

    public void setMaxFragment(int n) {
        if (n < 1 || n > Tls12Protection.MAX_PLAINTEXT) {
            throw new IllegalArgumentException("fragment size " + n);
        }
        maxFragment = n;
    }

    public void setRead(Tls12Protection p) {
        read = p;
    }

    public void setWrite(Tls12Protection p) {
        write = p;
    }

    public boolean readProtected() {
        return read != null;
    }

    public boolean writeProtected() {
        return write != null;
    }

    public void feed(byte[] data, int off, int len) {
        framing.feed(data, off, len);
    }

    /** The next complete record, opened if the read state is protected; null when more bytes are needed. */
    public Record next() throws TlsAlertException {
        if (!framing.hasHeader()) {
            return null;
        }
        int type = framing.type();
        int major = framing.major();
        int length = framing.length();
        if (ContentType.fromCode(type).isEmpty() || type == ContentType.HEARTBEAT.code()) {
            // RFC 5246 §6: a record type we do not know is unexpected_message.
            throw Violation.UNKNOWN_CONTENT_TYPE.alert("record content type " + type);
        }
        if (major != 3) {
            throw Violation.UNSUPPORTED_VERSION.alert("record version major " + major);
        }
        int max = read != null ? Tls12Protection.MAX_CIPHERTEXT : Tls12Protection.MAX_PLAINTEXT;
        if (length > max) {
            // RFC 5246 §6.2.1, §6.2.3: 2^14 plaintext, 2^14 + 2048 ciphertext.
            throw Violation.RECORD_OVERFLOW.alert("record of " + length + " bytes (limit " + max + ")");
        }
        byte[] fragment = framing.takeFragment();
        if (fragment == null) {
            return null;
        }
        byte[] content = read == null ? fragment : read.unprotect(type, fragment);
        if (content.length == 0 && type != ContentType.APPLICATION_DATA.code()) {
            // RFC 5246 §6.2.1: no zero-length Handshake, Alert or ChangeCipherSpec fragments.
            throw Violation.EMPTY_HANDSHAKE_RECORD.alert("zero-length " + ContentType.fromCode(type).get()
                    + " record");
        }
        return new Record(type, content, read == null ? Epoch.PLAINTEXT : Epoch.APPLICATION, 0);
    }

    /** Content of one type, fragmented to the limit, protected under the current write state if any. */
    public void write(int type, byte[] data, int off, int len) throws TlsAlertException {
        int pos = off;
        int end = off + len;
        do {
            int n = Math.min(maxFragment, end - pos);
            writeRecord(type, data, pos, n);
            pos += n;
        } while (pos < end);
    }

    /** Exactly one record with this content. */
    public void writeRecord(int type, byte[] data, int off, int len) throws TlsAlertException {
        if (write == null) {
            writePlaintext(type, data, off, len);
            return;
        }
        byte[] fragment = write.protect(type, data, off, len);
        framing.writeRecord(type, VERSION, fragment, 0, fragment.length);
    }

    /** One unprotected record, whatever the write state (a test peer's forged plaintext). */
    public void writePlaintext(int type, byte[] data, int off, int len) {
        framing.writeRecord(type, VERSION, data, off, len);
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
