package tlsconf.bench;

import java.util.List;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.Negotiated;
import tlsconf.impl.PeerVerifier;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.cert.TestPki;
import tlsconf.impl.tls12.Tls12Options;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Our reference implementation: two {@link TlsEngine}s pumping bytes to each other, in TLS 1.3 or (configured for
 * TLS 1.2 only on both sides) TLS 1.2. The client keeps the default PKIX verifier (trust anchor, validity, name
 * "localhost") wrapped in a counter. The server sends no session ticket (JSSE's server does by default, BC TLS's
 * does not): nothing is resumed, so a ticket would only add work that is not the handshake. {@code keyCache}: the
 * client's peer-key cache ({@link TlsConfig.Builder#peerKeyCache}), on by default; the table says which.
 */
final class ReferencePeer implements HandshakePeer {
    private static final int MAX_FLIGHTS = 16;

    private final TlsVersion version;
    private final TlsConfig client;
    private final TlsConfig server;

    ReferencePeer(BenchFixture fixture, TlsVersion version, boolean keyCache) {
        this.version = version;
        CipherSuite suite = version == TlsVersion.TLS_1_3 ? CipherSuite.TLS_AES_128_GCM_SHA256
                : CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        TlsConfig.Builder clientBuilder = TlsConfig.builder(Role.CLIENT)
                .versions(version)
                .serverName(TestPki.DEFAULT_PEER_NAME)
                .trustAnchors(List.of(fixture.root()))
                .cipherSuites(suite)
                .groups(NamedGroup.X25519)
                .signatureSchemes(SignatureScheme.ECDSA_SECP256R1_SHA256)
                .peerKeyCache(keyCache);
        PeerVerifier pkix = clientBuilder.build().peerVerifier();
        this.client = clientBuilder.peerVerifier((role, der, name) -> {
            fixture.verifications.incrementAndGet();
            return pkix.verify(role, der, name);
        }).build();
        this.server = TlsConfig.builder(Role.SERVER)
                .versions(version)
                .credentials(fixture.chain.credentials())
                .cipherSuites(suite)
                .groups(NamedGroup.X25519)
                .ticketsToSend(0)
                .tls12(Tls12Options.defaults().withIssueTickets(false))
                .build();
    }

    @Override
    public TlsVersion version() {
        return version;
    }

    @Override
    public String name() {
        return "tlsconf reference";
    }

    @Override
    public Outcome handshake() throws Exception {
        TlsEngine c = TlsEngine.create(client);
        TlsEngine s = TlsEngine.create(server);
        for (int i = 0; i < MAX_FLIGHTS && !(c.isHandshakeComplete() && s.isHandshakeComplete()); i++) {
            if (c.hasOutgoing()) {
                s.feed(c.takeOutgoing());
            }
            if (s.hasOutgoing()) {
                c.feed(s.takeOutgoing());
            }
            if (c.failure() != null || s.failure() != null) {
                throw c.failure() != null ? c.failure() : s.failure();
            }
        }
        if (!c.isHandshakeComplete() || !s.isHandshakeComplete()) {
            throw new IllegalStateException("reference handshake incomplete after " + MAX_FLIGHTS
                    + " flights: client " + c.state() + ", server " + s.state());
        }
        Negotiated n = c.negotiated();
        return new Outcome(n.version() == TlsVersion.TLS_1_3 ? "TLSv1.3"
                : n.version() == TlsVersion.TLS_1_2 ? "TLSv1.2" : n.version().toString(),
                n.cipherSuite().name(), n.group().name().toLowerCase(java.util.Locale.ROOT));
    }
}
