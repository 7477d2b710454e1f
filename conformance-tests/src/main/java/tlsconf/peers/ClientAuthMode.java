package tlsconf.peers;

/** Whether a server peer asks for a client certificate (RFC 8446 §4.3.2), as {@code tlsconf.impl.ClientAuth}. */
public enum ClientAuthMode {
    NONE,
    REQUEST,
    REQUIRE
}
