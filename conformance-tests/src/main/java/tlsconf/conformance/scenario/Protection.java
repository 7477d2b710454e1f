package tlsconf.conformance.scenario;

/**
 * The keys a record is sent under (RFC 8446 §7.3): an injected record's protection is part of the fault, since
 * "a Finished in plaintext" and "an encrypted CCS" are violations of their own (RFC 8446 §5, §D.4).
 */
public enum Protection {
    /** Whatever keys the peer uses at that point of the handshake. */
    CURRENT,
    PLAINTEXT,
    HANDSHAKE,
    APPLICATION
}
