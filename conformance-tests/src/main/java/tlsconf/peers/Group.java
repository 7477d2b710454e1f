package tlsconf.peers;

/** Key exchange groups (RFC 8446 §4.2.7); names as in {@code tlsconf.impl.NamedGroup}. */
public enum Group {
    X25519("X25519", "GROUP-X25519", "x25519"),
    SECP256R1("P-256", "GROUP-SECP256R1", "secp256r1"),
    /** Not in the interop matrix; a GnuTLS client offering [secp384r1, secp256r1] sends one share, for secp384r1. */
    SECP384R1("P-384", "GROUP-SECP384R1", "secp384r1");

    private final String openssl;
    private final String gnutls;
    private final String jsse;

    Group(String openssl, String gnutls, String jsse) {
        this.openssl = openssl;
        this.gnutls = gnutls;
        this.jsse = jsse;
    }

    /** OpenSSL's {@code -groups} spelling. */
    public String openssl() {
        return openssl;
    }

    /** GnuTLS's priority token, without the sign. */
    public String gnutls() {
        return gnutls;
    }

    /** The JSSE (and RFC) name, as in {@code jdk.tls.namedGroups}. */
    public String jsse() {
        return jsse;
    }

    /** The RFC 8446 name. */
    public String rfcName() {
        return jsse;
    }
}
