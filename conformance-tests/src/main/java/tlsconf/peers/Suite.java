package tlsconf.peers;

/**
 * TLS 1.3 cipher suites (RFC 8446 §B.4) as peers spell them. Constant names equal those of
 * {@code tlsconf.impl.CipherSuite}, so {@code CipherSuite.valueOf(suite.name())} maps one to the other; the peer
 * layer keeps its own enum so that it builds and runs without the reference implementation.
 */
public enum Suite {
    TLS_AES_128_GCM_SHA256("AES-128-GCM"),
    TLS_AES_256_GCM_SHA384("AES-256-GCM"),
    TLS_CHACHA20_POLY1305_SHA256("CHACHA20-POLY1305");

    private final String gnutlsCipher;

    Suite(String gnutlsCipher) {
        this.gnutlsCipher = gnutlsCipher;
    }

    /** The IANA name, which OpenSSL ({@code -ciphersuites}) and JSSE use too. */
    public String iana() {
        return name();
    }

    /** GnuTLS's cipher token ({@code +AES-128-GCM} in a priority string, "(AES-128-GCM)" in its Description). */
    public String gnutlsCipher() {
        return gnutlsCipher;
    }
}
