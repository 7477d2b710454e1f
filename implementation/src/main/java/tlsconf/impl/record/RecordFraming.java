package tlsconf.impl.record;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The record framing TLS 1.3 and TLS 1.2 share (RFC 8446 §5.1, RFC 5246 §6.2.1): a 5-byte header (content type,
 * legacy version, 16-bit length) and the fragment after it. Incoming bytes are buffered until a header, then its whole
 * fragment, has arrived; outgoing records are queued. It checks nothing: each version's record layer reads the header,
 * applies its own rules, and only then takes the fragment.
 */
public final class RecordFraming {
    public static final int HEADER_LENGTH = 5;

    private byte[] in = new byte[0];
    private int inStart;
    private int inEnd;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

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

    /** Bytes received but not yet taken as part of a record. */
    public int buffered() {
        return inEnd - inStart;
    }

    /** Whether the next record's header has arrived: {@link #type()}, {@link #major()}, {@link #length()} read it. */
    public boolean hasHeader() {
        return inEnd - inStart >= HEADER_LENGTH;
    }

    /** Content type of the next record (only after {@link #hasHeader()}). */
    public int type() {
        return in[inStart] & 0xff;
    }

    /** Major byte of the next record's legacy version. */
    public int major() {
        return in[inStart + 1] & 0xff;
    }

    /** Length of the next record's fragment as its header states it. */
    public int length() {
        return ((in[inStart + 3] & 0xff) << 8) | (in[inStart + 4] & 0xff);
    }

    /** The next record's fragment, consumed with its header; null while part of it has yet to arrive. */
    public byte[] takeFragment() {
        int length = length();
        if (inEnd - inStart < HEADER_LENGTH + length) {
            return null;
        }
        byte[] fragment = Arrays.copyOfRange(in, inStart + HEADER_LENGTH, inStart + HEADER_LENGTH + length);
        inStart += HEADER_LENGTH + length;
        if (inStart == inEnd) {
            inStart = 0;
            inEnd = 0;
        }
        return fragment;
    }

    /** Queues one record: the header with this legacy version, then exactly these fragment bytes. */
    public void writeRecord(int contentType, int legacyVersion, byte[] fragment, int off, int len) {
        out.write(contentType);
        out.write(legacyVersion >>> 8);
        out.write(legacyVersion);
        out.write(len >>> 8);
        out.write(len);
        out.write(fragment, off, len);
    }

    /** Bytes straight onto the wire: whole records framed elsewhere, or a test peer's malformed ones. */
    public void writeRaw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    public boolean hasOutput() {
        return out.size() > 0;
    }

    /** All queued bytes, drained. */
    public byte[] takeOutput() {
        byte[] b = out.toByteArray();
        out.reset();
        return b;
    }
}
