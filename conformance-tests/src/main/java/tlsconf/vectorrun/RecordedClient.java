package tlsconf.vectorrun;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.PeerVerifier;
import tlsconf.impl.RandomSource;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.tls12.Tls12Options;
import tlsconf.impl.tls12.Tls12SessionStore;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Our side of a golden transcript: the reference client or server in deterministic mode, configured from a recording's
 * {@code configuration} map, and the one rule that drives it both when recording against a live peer and when
 * replaying: write whatever the engine has; otherwise take the peer's next bytes; when the peer has nothing more
 * and the handshake is complete, send close_notify once.
 */
final class RecordedClient {
    /** Where the peer's bytes come from and ours go: a socket when recording, the recording when replaying. */
    interface Wire {
        void write(byte[] bytes) throws java.io.IOException;

        /** The peer's next bytes, or an empty array when it has nothing more to say now. */
        byte[] read() throws java.io.IOException;
    }

    static final int MAX_ROUNDS = 64;

    /**
     * The client's session stores shared by the connections of one recording (a ticket or session from connection
     * 0 resumes connection 1): one for TLS 1.3 tickets, one for TLS 1.2 sessions.
     */
    record Sessions(tlsconf.impl.SessionStore tls13, Tls12SessionStore tls12) {
        static Sessions fresh() {
            return new Sessions(tlsconf.impl.SessionStore.inMemory(), Tls12SessionStore.inMemory());
        }
    }

    private RecordedClient() {
    }

    /**
     * Keys: role (client|server), tls ("1.3", the default, or "1.2"), suite, groups (comma-separated, the client's first gets the key share), seed,
     * time (ISO instant); a client also serverName; a server also certificate (DER hex), optional clientAuth (NONE|REQUEST|REQUIRE) and privateKey (PKCS#8 DER
     * hex; EC: ECDSA signatures are deterministic, RFC 6979; RSA: PSS salts and the RSA blinding come from the
     * seeded randomness).
     */
    static TlsConfig config(Map<String, String> c) {
        return config(c, 0, null);
    }

    /**
     * Connection {@code n} of a recording: the seed is advanced by n so each connection has its own randomness;
     * a client shares {@code sessions} across connections (a ticket from connection 0 resumes connection 1).
     */
    static TlsConfig config(Map<String, String> c, int n, Sessions sessions) {
        String[] groups = require(c, "groups").split(",");
        NamedGroup[] g = new NamedGroup[groups.length];
        for (int i = 0; i < groups.length; i++) {
            g[i] = NamedGroup.valueOf(groups[i].trim());
        }
        if ("server".equals(c.get("role"))) {
            return serverConfig(c, g);
        }
        TlsConfig.Builder b = TlsConfig.builder(Role.CLIENT);
        version(b, c);
        if (sessions != null) {
            b.sessionStore(sessions.tls13());
            // TLS 1.2: the store makes our ClientHello carry an (empty) session_ticket extension from the start.
            b.tls12(Tls12Options.defaults().withClientSessions(sessions.tls12()));
        }
        if (c.containsKey("certificate")) {
            Credentials cred = credentials(c);
            b.credentials(List.of(cred.cert()), cred.key());
        }
        return b
                .cipherSuites(CipherSuite.valueOf(require(c, "suite")))
                .groups(g)
                .keyShareGroups(g[0])
                .serverName(require(c, "serverName"))
                .random(RandomSource.deterministic(Long.parseLong(require(c, "seed")) + n))
                .clock(Clock.fixed(Instant.parse(require(c, "time")), ZoneOffset.UTC))
                // The recording pins bytes, not a PKI: the peer's certificate is generated at recording time.
                .peerVerifier(PeerVerifier.acceptAny())
                .build();
    }

    private record Credentials(java.security.cert.X509Certificate cert, java.security.PrivateKey key) {
    }

    /**
     * certificate (DER hex) and privateKey (PKCS#8 DER hex) from the configuration; the key's algorithm (EC or RSA)
     * is the certificate's.
     */
    private static Credentials credentials(Map<String, String> c) {
        try {
            java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate)
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                            new java.io.ByteArrayInputStream(tlsconf.vectors.Bytes.fromHex(require(c, "certificate"))
                                    .toByteArray()));
            java.security.PrivateKey key = java.security.KeyFactory.getInstance(cert.getPublicKey().getAlgorithm())
                    .generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(tlsconf.vectors.Bytes.fromHex(require(c, "privateKey"))
                            .toByteArray()));
            return new Credentials(cert, key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("recording configuration: bad certificate or privateKey: " + e, e);
        }
    }

    private static TlsConfig serverConfig(Map<String, String> c, NamedGroup[] groups) {
        Credentials cred = credentials(c);
        TlsConfig.Builder b = TlsConfig.builder(Role.SERVER);
        version(b, c);
        if (c.containsKey("clientAuth")) {
            // The client's certificate is generated at recording time too: required, any accepted.
            b.clientAuth(tlsconf.impl.ClientAuth.valueOf(c.get("clientAuth"))).peerVerifier(PeerVerifier.acceptAny());
        }
        return b.cipherSuites(CipherSuite.valueOf(require(c, "suite")))
                .groups(groups)
                .credentials(List.of(cred.cert()), cred.key())
                .random(RandomSource.deterministic(Long.parseLong(require(c, "seed"))))
                .clock(Clock.fixed(Instant.parse(require(c, "time")), ZoneOffset.UTC))
                .build();
    }

    /** TLS 1.2 recordings pin a TLS 1.2-only endpoint (no TLS 1.3 in the hello, no downgrade sentinel). */
    private static void version(TlsConfig.Builder b, Map<String, String> c) {
        String tls = c.getOrDefault("tls", "1.3");
        switch (tls) {
            case "1.3" -> b.versions(TlsVersion.TLS_1_3);
            case "1.2" -> b.versions(TlsVersion.TLS_1_2);
            default -> throw new IllegalArgumentException("recording configuration: tls must be 1.2 or 1.3, not '"
                    + tls + "'");
        }
    }

    private static String require(Map<String, String> c, String key) {
        String v = c.get(key);
        if (v == null) {
            throw new IllegalArgumentException("recording configuration has no '" + key + "'");
        }
        return v;
    }

    /** Plays one connection; returns the engine (handshake complete, close_notify sent) or throws. */
    static TlsEngine drive(TlsConfig config, Wire wire) throws java.io.IOException {
        TlsEngine engine = TlsEngine.create(config);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            byte[] out = engine.takeOutgoing();
            if (out.length > 0) {
                wire.write(out);
                continue;
            }
            if (engine.failure() != null) {
                throw engine.failure();
            }
            if (engine.isCloseSent() && engine.isPeerClosed()) {
                return engine;
            }
            byte[] in = wire.read();
            if (in.length > 0) {
                try {
                    engine.feed(in);
                } catch (TlsAlertException e) {
                    // Send our alert to a live peer; when replaying, the alert is the better explanation than
                    // the resulting byte difference.
                    try {
                        wire.write(engine.takeOutgoing());
                    } catch (RuntimeException divergence) {
                        e.addSuppressed(divergence);
                    }
                    throw e;
                }
            } else if (engine.isHandshakeComplete() && !engine.isCloseSent()) {
                engine.close();
            } else {
                return engine;
            }
        }
        throw new IllegalStateException("no end after " + MAX_ROUNDS + " rounds");
    }
}
