package tlsconf.impl.record;

import java.util.Arrays;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.message.HandshakeFrame;

/**
 * Joins handshake records into messages (RFC 8446 §5.1: messages may be split across and coalesced into records).
 * Messages larger than {@link #MAX_MESSAGE} are refused so a peer cannot make us buffer 16 MiB.
 */
public final class HandshakeAssembler {
    public static final int MAX_MESSAGE = 1 << 17;

    private byte[] buf = new byte[0];
    private int len;

    public void add(byte[] content) {
        if (len + content.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + content.length, buf.length * 2));
        }
        System.arraycopy(content, 0, buf, len, content.length);
        len += content.length;
    }

    /** True when a partial message is buffered: keys must not change now (§5.1). */
    public boolean hasPartial() {
        return len > 0;
    }

    /** The type byte of the buffered partial message, or -1 when nothing is buffered. */
    public int partialType() {
        return len > 0 ? buf[0] & 0xff : -1;
    }

    /** The body length its header announces, or -1 while the 4-byte header is incomplete. */
    public int partialLength() {
        return len >= 4 ? ((buf[1] & 0xff) << 16) | ((buf[2] & 0xff) << 8) | (buf[3] & 0xff) : -1;
    }

    /** The next complete message, or null. */
    public HandshakeFrame next() throws TlsAlertException {
        if (len < 4) {
            return null;
        }
        int bodyLen = ((buf[1] & 0xff) << 16) | ((buf[2] & 0xff) << 8) | (buf[3] & 0xff);
        if (bodyLen > MAX_MESSAGE) {
            throw Violation.BAD_VECTOR_LENGTH.alert("handshake message of " + bodyLen + " bytes exceeds "
                    + MAX_MESSAGE);
        }
        if (len < 4 + bodyLen) {
            return null;
        }
        byte[] raw = Arrays.copyOf(buf, 4 + bodyLen);
        byte[] body = Arrays.copyOfRange(buf, 4, 4 + bodyLen);
        System.arraycopy(buf, 4 + bodyLen, buf, 0, len - 4 - bodyLen);
        len -= 4 + bodyLen;
        return new HandshakeFrame(raw[0] & 0xff, body, raw);
    }
}
