package tlsconf.impl.tls12;

import java.util.List;
import java.util.Objects;

/**
 * What TLS 1.2 needs beyond {@link tlsconf.impl.TlsConfig} (which knows the shared parts: credentials, trust, groups,
 * signature schemes, randomness, clock, key log). Immutable; every default is stated on {@link #defaults()}.
 *
 * @param cipherSuites                 preference order (server) / offer order (client)
 * @param tls13Capable                 whether this side also speaks TLS 1.3: a server then puts the RFC 8446 §4.1.3
 *                                     downgrade sentinel in a TLS 1.2 ServerHello.random, a client checks for it
 * @param requireExtendedMasterSecret  RFC 7627 §5.2/§5.3: abort with handshake_failure when the peer does not use
 *                                     the extended master secret
 * @param clientSessions               client: where sessions for resumption are kept (null: no resumption)
 * @param serverSessions               server: session-ID cache (null: no resumption by session ID)
 * @param issueTickets                 server: issue RFC 5077 tickets to clients that ask for them
 * @param ticketLifetimeSeconds        server: the ticket_lifetime_hint
 */
public record Tls12Options(List<Tls12CipherSuite> cipherSuites, boolean tls13Capable,
        boolean requireExtendedMasterSecret, Tls12SessionStore clientSessions, Tls12SessionCache serverSessions,
        boolean issueTickets, long ticketLifetimeSeconds) {

    public Tls12Options {
        cipherSuites = List.copyOf(cipherSuites);
        if (cipherSuites.isEmpty()) {
            throw new IllegalArgumentException("no TLS 1.2 cipher suites");
        }
    }

    /**
     * All seven suites (ECDHE-ECDSA before ECDHE-RSA, AES-128-GCM before AES-256-GCM before ChaCha20, RSA key
     * transport last), not TLS 1.3 capable, extended master secret required, no client session store, no server
     * session cache, tickets issued, lifetime hint 7200 s.
     */
    public static Tls12Options defaults() {
        return new Tls12Options(List.of(Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                Tls12CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                Tls12CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                Tls12CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                Tls12CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256), false, true, null, null, true, 7200);
    }

    public Tls12Options withCipherSuites(Tls12CipherSuite... s) {
        return new Tls12Options(List.of(s), tls13Capable, requireExtendedMasterSecret, clientSessions,
                serverSessions, issueTickets, ticketLifetimeSeconds);
    }

    public Tls12Options withTls13Capable(boolean b) {
        return new Tls12Options(cipherSuites, b, requireExtendedMasterSecret, clientSessions, serverSessions,
                issueTickets, ticketLifetimeSeconds);
    }

    public Tls12Options withRequireExtendedMasterSecret(boolean b) {
        return new Tls12Options(cipherSuites, tls13Capable, b, clientSessions, serverSessions, issueTickets,
                ticketLifetimeSeconds);
    }

    public Tls12Options withClientSessions(Tls12SessionStore s) {
        return new Tls12Options(cipherSuites, tls13Capable, requireExtendedMasterSecret, s, serverSessions,
                issueTickets, ticketLifetimeSeconds);
    }

    public Tls12Options withServerSessions(Tls12SessionCache c) {
        return new Tls12Options(cipherSuites, tls13Capable, requireExtendedMasterSecret, clientSessions, c,
                issueTickets, ticketLifetimeSeconds);
    }

    public Tls12Options withIssueTickets(boolean b) {
        return new Tls12Options(cipherSuites, tls13Capable, requireExtendedMasterSecret, clientSessions,
                serverSessions, b, ticketLifetimeSeconds);
    }

    boolean offers(Tls12CipherSuite s) {
        return cipherSuites.contains(Objects.requireNonNull(s));
    }
}
