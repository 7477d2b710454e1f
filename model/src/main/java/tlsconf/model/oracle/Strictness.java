package tlsconf.model.oracle;

/** How closely an observed reaction must match the model's expectation. */
public enum Strictness {
    /** The alert must be one the RFC names for the case (the preferred one or another acceptable one). */
    EXACT,
    /** Any fatal alert will do. */
    ALERT,
    /** At least: the connection is closed without completing the handshake (with or without an alert). */
    CLOSE
}
