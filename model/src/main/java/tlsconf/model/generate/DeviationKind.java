package tlsconf.model.generate;

/** How a deviation changes a valid path. Only events the side under test receives are changed. */
public enum DeviationKind {
    /** Leave out a received message. */
    SKIP,
    /** Receive a message a second time, right after the first. */
    REPEAT,
    /** Insert a message of another mode or version (ServerKeyExchange into TLS 1.3, EndOfEarlyData without 0-RTT). */
    HOP,
    /** Swap two consecutive received messages. */
    REORDER,
    /** Receive a message under other keys (a Finished in plaintext, an encrypted ChangeCipherSpec). */
    WRONG_PROTECTION,
    /** A ChangeCipherSpec whose byte is not 0x01. */
    CCS_VALUE
}
