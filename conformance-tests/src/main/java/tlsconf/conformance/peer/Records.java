package tlsconf.conformance.peer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Byte-level TLS record helpers for the peer: framing a record by hand and splitting a stream into records. */
final class Records {
    static final int HEADER = 5;
    static final int TYPE_APPLICATION_DATA = 23;

    private Records() {
    }

    /** An unprotected record: type, legacy_record_version 0x0303, 16-bit length (any, even oversize), content. */
    static byte[] plaintext(int contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + content.length);
        out.write(contentType);
        out.write(3);
        out.write(3);
        out.write(content.length >>> 8);
        out.write(content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** A handshake message framed with its 4-byte header; {@code lengthDelta} makes the length field lie. */
    static byte[] handshake(int type, byte[] body, int lengthDelta) {
        int len = body.length + lengthDelta;
        byte[] out = new byte[4 + body.length];
        out[0] = (byte) type;
        out[1] = (byte) (len >>> 16);
        out[2] = (byte) (len >>> 8);
        out[3] = (byte) len;
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    static byte[] body(byte[] encodedMessage) {
        return Arrays.copyOfRange(encodedMessage, 4, encodedMessage.length);
    }

    /** Counts complete records with outer type application_data (i.e. protected records) in a byte stream. */
    static int countProtected(byte[] stream) {
        int n = 0;
        for (int[] r : scan(stream)) {
            if (r[0] == TYPE_APPLICATION_DATA) {
                n++;
            }
        }
        return n;
    }

    /** {type, offset, length} of each complete record in {@code stream}. */
    static List<int[]> scan(byte[] stream) {
        List<int[]> out = new ArrayList<>();
        int p = 0;
        while (p + HEADER <= stream.length) {
            int len = ((stream[p + 3] & 0xff) << 8) | (stream[p + 4] & 0xff);
            if (p + HEADER + len > stream.length) {
                break;
            }
            out.add(new int[] {stream[p] & 0xff, p, len});
            p += HEADER + len;
        }
        return out;
    }

    /** Incoming bytes may split records anywhere: this keeps the tail and reports each complete record header. */
    static final class Scanner {
        private byte[] pending = new byte[0];

        /** {type, length} of every record completed by {@code data}. */
        List<int[]> add(byte[] data) {
            byte[] all = Arrays.copyOf(pending, pending.length + data.length);
            System.arraycopy(data, 0, all, pending.length, data.length);
            List<int[]> records = scan(all);
            int consumed = 0;
            List<int[]> out = new ArrayList<>();
            for (int[] r : records) {
                out.add(new int[] {r[0], r[2]});
                consumed = r[1] + HEADER + r[2];
            }
            pending = Arrays.copyOfRange(all, consumed, all.length);
            return out;
        }
    }
}
