package tlsconf.conformance.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the target's byte stream into whole records (header included), keeping an incomplete tail for the next
 * read. The peer feeds its engine one record at a time, so when the engine refuses one it knows which record it was
 * (its type, its length, whether anything followed it).
 */
final class RecordSplitter {
    private byte[] pending = new byte[0];

    List<byte[]> add(byte[] data) {
        byte[] all = Arrays.copyOf(pending, pending.length + data.length);
        System.arraycopy(data, 0, all, pending.length, data.length);
        List<byte[]> out = new ArrayList<>();
        int consumed = 0;
        for (int[] r : Records.scan(all)) {
            out.add(Arrays.copyOfRange(all, r[1], r[1] + Records.HEADER + r[2]));
            consumed = r[1] + Records.HEADER + r[2];
        }
        pending = Arrays.copyOfRange(all, consumed, all.length);
        return out;
    }

    /** Bytes of a record that has not arrived whole yet. */
    boolean hasPartial() {
        return pending.length > 0;
    }

    /** {@code handshake}, {@code alert}, or {@code type 99} for a code with no name. */
    static String typeName(int code) {
        return tlsconf.model.vocabulary.ContentType.fromCode(code)
                .map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).orElse("type " + code);
    }
}
