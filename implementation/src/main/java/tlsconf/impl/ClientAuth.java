package tlsconf.impl;

/** Whether a server asks for a client certificate (RFC 8446 §4.3.2) and whether it insists on one. */
public enum ClientAuth {
    NONE,
    REQUEST,
    REQUIRE
}
