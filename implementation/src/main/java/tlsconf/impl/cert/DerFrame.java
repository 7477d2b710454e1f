package tlsconf.impl.cert;

/**
 * Reads the outer tag and length of a DER encoding (X.690 §8.1, §10.1), so that truncation and trailing bytes in a
 * CertificateEntry's cert_data are named precisely instead of being left to a parser that might silently stop
 * after the first object.
 */
final class DerFrame {
    static final long NOT_A_SEQUENCE = -1;
    static final long BAD_LENGTH = -2;

    private static final int SEQUENCE = 0x30;

    private DerFrame() {
    }

    /**
     * The total length (header plus contents) the outer SEQUENCE of {@code der} announces, or {@link #NOT_A_SEQUENCE}
     * or {@link #BAD_LENGTH} (indefinite, non-minimal, longer than 4 length octets, or header cut off).
     */
    static long totalLength(byte[] der) {
        if (der.length < 2 || (der[0] & 0xff) != SEQUENCE) {
            return der.length >= 1 && (der[0] & 0xff) == SEQUENCE ? BAD_LENGTH : NOT_A_SEQUENCE;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2L + first;
        }
        int octets = first & 0x7f;
        if (octets == 0 || octets > 4 || der.length < 2 + octets) {
            return BAD_LENGTH; // indefinite form, absurd size, or the header itself is truncated
        }
        long len = 0;
        for (int i = 0; i < octets; i++) {
            len = (len << 8) | (der[2 + i] & 0xff);
        }
        if ((der[2] & 0xff) == 0 || len < 0x80) {
            return BAD_LENGTH; // DER demands the shortest length form (X.690 §10.1)
        }
        return 2L + octets + len;
    }
}
