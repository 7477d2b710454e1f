package tlsconf.impl.tls12;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.record.Record;
import tlsconf.model.vocabulary.ContentType;

/**
 * The TLS 1.2 record layer (RFC 5246 §6.2) over byte buffers: frames records, checks type, version and length, opens
 * them once the peer's ChangeCipherSpec switched the read state, and fragments and protects what we send. Unlike TLS
 * 1.3 the real content type is in the clear and every type is protected after ChangeCipherSpec.
 */
public final class Tls12RecordLayer {
    private byte[] in = new byte[0];
    private int inStart;
    private int inEnd;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
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
        if (inEnd + len > in.length) {
            int live = inEnd - inStart;
            byte[] n = new byte[Math.max(live + len, 2 * in.length)];
            System.arraycopy(in, inStart, n, 0, live);
            in = n;
            inStart = 0;
            inEnd = live;
        }
        System.arraycopy(data, off, in, inEnd, len);
        inEnd += len;
    }

    /** The next complete record, opened if the read state is protected; null when more bytes are needed. */
    public Record next() throws TlsAlertException {
        if (inEnd - inStart < 5) {
            return null;
        }
        int type = in[inStart] & 0xff;
        int major = in[inStart + 1] & 0xff;
        int length = ((in[inStart + 3] & 0xff) << 8) | (in[inStart + 4] & 0xff);
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
        if (inEnd - inStart < 5 + length) {
            return null;
        }
        byte[] fragment = Arrays.copyOfRange(in, inStart + 5, inStart + 5 + length);
        inStart += 5 + length;
        if (inStart == inEnd) {
            inStart = 0;
            inEnd = 0;
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
        byte[] fragment = write == null ? Arrays.copyOfRange(data, off, off + len)
                : write.protect(type, data, off, len);
        out.write(type);
        out.write(3);
        out.write(3);
        out.write(fragment.length >>> 8);
        out.write(fragment.length);
        out.write(fragment, 0, fragment.length);
    }

    /** Bytes straight onto the wire (malformed records from a test peer). */
    public void writeRaw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    public boolean hasOutput() {
        return out.size() > 0;
    }

    public byte[] takeOutput() {
        byte[] b = out.toByteArray();
        out.reset();
        return b;
    }
}
