package tlsconf.impl.record;

/** Which keys protect a record (RFC 8446 §2, §7.3). Key updates stay in APPLICATION with a higher generation. */
public enum Epoch {
    PLAINTEXT,
    EARLY_DATA,
    HANDSHAKE,
    APPLICATION
}
