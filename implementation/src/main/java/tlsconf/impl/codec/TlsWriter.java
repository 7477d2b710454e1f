package tlsconf.impl.codec;

import java.util.Arrays;

/**
 * Writes the presentation language of RFC 8446 §3. Vectors are written with {@link #vector} taking a body
 * callback, so the length prefix mirrors the RFC's {@code <min..max>} syntax and is always right.
 */
public final class TlsWriter {
    /** A body written inside a length-prefixed vector. */
    @FunctionalInterface
    public interface Body {
        void write(TlsWriter w);
    }

    private byte[] buf;
    private int len;

    public TlsWriter() {
        this(256);
    }

    public TlsWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public TlsWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public TlsWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public TlsWriter u24(int v) {
        ensure(3);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public TlsWriter u32(long v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public TlsWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public TlsWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** {@code opaque<..>} with a {@code prefixBytes}-byte length. */
    public TlsWriter vector(int prefixBytes, byte[] content) {
        return vector(prefixBytes, w -> w.bytes(content));
    }

    /** A length-prefixed vector whose body the callback writes. */
    public TlsWriter vector(int prefixBytes, Body body) {
        ensure(prefixBytes);
        int start = len;
        len += prefixBytes;
        body.write(this);
        int n = len - start - prefixBytes;
        if (n >= 1 << (8 * prefixBytes)) {
            throw new IllegalStateException("vector of " + n + " bytes does not fit a " + prefixBytes
                    + "-byte length");
        }
        for (int i = 0; i < prefixBytes; i++) {
            buf[start + i] = (byte) (n >>> (8 * (prefixBytes - 1 - i)));
        }
        return this;
    }

    public int size() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
