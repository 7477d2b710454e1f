package tlsconf.model.generate;

/**
 * Limits of path enumeration. Every transition is used at most once per path; {@code maxLoops} caps the
 * self-loops (0-RTT data, middlebox CCS, post-handshake messages, ignored records) per path, so that the number
 * of paths stays finite and small.
 *
 * @param maxLength most events in a path
 * @param maxLoops most self-loop transitions in a path
 */
public record Bounds(int maxLength, int maxLoops) {

    /** 30 events, one self-loop: every handshake shape with one optional or post-handshake event. */
    public static final Bounds DEFAULT = new Bounds(30, 1);

    /** The handshakes alone, no optional loops: the base of the deviation generator. */
    public static final Bounds HANDSHAKES = new Bounds(30, 0);

    public Bounds {
        if (maxLength < 1 || maxLoops < 0) {
            throw new IllegalArgumentException("bounds need maxLength >= 1 and maxLoops >= 0, got " + maxLength
                    + ", " + maxLoops);
        }
    }
}
