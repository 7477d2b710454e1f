package tlsconf.impl.codec;

import java.util.Arrays;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;

/**
 * Reads the presentation language of RFC 8446 §3: fixed-width big-endian integers and length-prefixed vectors
 * ({@code opaque x<0..2^16-1>}). Every shortfall is {@code decode_error}, naming what was being read.
 */
public final class TlsReader {
    private final byte[] buf;
    private int pos;
    private final int limit;
    private final String what;

    public TlsReader(byte[] buf, String what) {
        this(buf, 0, buf.length, what);
    }

    public TlsReader(byte[] buf, int offset, int length, String what) {
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
        this.what = what;
    }

    public int remaining() {
        return limit - pos;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    private void need(int n, String field) throws TlsAlertException {
        if (n > limit - pos) {
            throw Violation.TRUNCATED.alert(what + ": truncated " + field + " (need " + n + ", have "
                    + (limit - pos) + ")");
        }
    }

    public int u8(String field) throws TlsAlertException {
        need(1, field);
        return buf[pos++] & 0xff;
    }

    public int u16(String field) throws TlsAlertException {
        need(2, field);
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    public int u24(String field) throws TlsAlertException {
        need(3, field);
        int v = ((buf[pos] & 0xff) << 16) | ((buf[pos + 1] & 0xff) << 8) | (buf[pos + 2] & 0xff);
        pos += 3;
        return v;
    }

    public long u32(String field) throws TlsAlertException {
        need(4, field);
        long v = ((long) (buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public byte[] bytes(int n, String field) throws TlsAlertException {
        need(n, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** {@code opaque field<min..max>} with a length prefix of {@code prefixBytes} (1, 2 or 3). */
    public byte[] vector(int prefixBytes, int min, int max, String field) throws TlsAlertException {
        int len = length(prefixBytes, field);
        if (len < min || len > max) {
            throw Violation.BAD_VECTOR_LENGTH.alert(what + ": " + field + " length " + len + " outside " + min
                    + ".." + max);
        }
        return bytes(len, field);
    }

    /** A length-prefixed sub-structure read by a nested reader, which must be consumed completely. */
    public TlsReader sub(int prefixBytes, int min, int max, String field) throws TlsAlertException {
        int len = length(prefixBytes, field);
        if (len < min || len > max) {
            throw Violation.BAD_VECTOR_LENGTH.alert(what + ": " + field + " length " + len + " outside " + min
                    + ".." + max);
        }
        need(len, field);
        TlsReader r = new TlsReader(buf, pos, len, what + "." + field);
        pos += len;
        return r;
    }

    private int length(int prefixBytes, String field) throws TlsAlertException {
        switch (prefixBytes) {
            case 1:
                return u8(field + " length");
            case 2:
                return u16(field + " length");
            case 3:
                return u24(field + " length");
            default:
                throw new IllegalArgumentException("length prefix of " + prefixBytes + " bytes");
        }
    }

    /** Every structure ends exactly where its length said: anything after it is {@code decode_error}. */
    public void end() throws TlsAlertException {
        if (pos != limit) {
            throw Violation.TRAILING_BYTES.alert(what + ": " + (limit - pos) + " trailing byte(s)");
        }
    }
}
