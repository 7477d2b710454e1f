package tlsconf.bench;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * A JSSE provider's {@link SSLEngine} pair: the JDK's own (SunJSSE) or Bouncy Castle's BCJSSE, in TLS 1.3 or TLS 1.2
 * (the only protocol and suite enabled on both engines). One
 * {@link SSLContext} per side is the configuration, built once; each handshake makes two new engines. The engines
 * get no peer host and port, so the client has no session cache key and cannot resume (and the counter shows it).
 * The offered groups come from {@code jdk.tls.namedGroups} (JDK 17 has no per-engine setter; {@code tlsconf bench}
 * sets it to x25519,secp256r1); both providers put x25519 first by default anyway.
 */
final class SslEnginePeer implements HandshakePeer {
    private static final int MAX_STEPS = 64;
    private final String name;
    private final TlsVersion version;
    private final String[] protocols;
    private final String[] suites;
    private final SSLContext clientContext;
    private final SSLContext serverContext;
    private final int packetSize;
    private final int appSize;

    /** @param jsse the JSSE provider, null for the JDK's default (SunJSSE) */
    SslEnginePeer(String name, Provider jsse, BenchFixture fixture, TlsVersion version)
            throws GeneralSecurityException {
        this.name = name;
        this.version = version;
        boolean v13 = version == TlsVersion.TLS_1_3;
        this.protocols = new String[] {v13 ? "TLSv1.3" : "TLSv1.2"};
        this.suites = new String[] {v13 ? "TLS_AES_128_GCM_SHA256" : "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"};
        char[] password = "bench".toCharArray();
        String kmfAlgorithm = jsse == null ? KeyManagerFactory.getDefaultAlgorithm() : "PKIX";
        KeyManagerFactory kmf = jsse == null ? KeyManagerFactory.getInstance(kmfAlgorithm)
                : KeyManagerFactory.getInstance(kmfAlgorithm, jsse);
        kmf.init(fixture.serverKeyStore(password), password);
        TrustManagerFactory tmf = jsse == null ? TrustManagerFactory.getInstance("PKIX")
                : TrustManagerFactory.getInstance("PKIX", jsse);
        tmf.init(fixture.trustStore());
        X509TrustManager pkix = null;
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                pkix = x;
            }
        }
        if (pkix == null) {
            throw new GeneralSecurityException(name + ": no X509TrustManager from " + tmf.getProvider());
        }
        this.clientContext = jsse == null ? SSLContext.getInstance("TLSv1.3") : SSLContext.getInstance("TLSv1.3", jsse);
        clientContext.init(null, new TrustManager[] {new CountingTrustManager(pkix, fixture.verifications)}, null);
        this.serverContext = jsse == null ? SSLContext.getInstance("TLSv1.3") : SSLContext.getInstance("TLSv1.3", jsse);
        serverContext.init(kmf.getKeyManagers(), null, null);
        SSLEngine probe = clientContext.createSSLEngine();
        this.packetSize = probe.getSession().getPacketBufferSize();
        this.appSize = probe.getSession().getApplicationBufferSize();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TlsVersion version() {
        return version;
    }

    @Override
    public Outcome handshake() throws Exception {
        SSLEngine c = configure(clientContext.createSSLEngine(), true);
        SSLEngine s = configure(serverContext.createSSLEngine(), false);
        ByteBuffer toServer = ByteBuffer.allocate(packetSize * 4);
        ByteBuffer toClient = ByteBuffer.allocate(packetSize * 4);
        ByteBuffer app = ByteBuffer.allocate(appSize);
        c.beginHandshake();
        s.beginHandshake();
        for (int i = 0; i < MAX_STEPS; i++) {
            boolean moved = step(c, toClient, toServer, app) | step(s, toServer, toClient, app);
            if (done(c) && done(s)) {
                return new Outcome(c.getSession().getProtocol(), c.getSession().getCipherSuite(), "n/a");
            }
            if (!moved) {
                throw new SSLException(name + " handshake stalled: client " + c.getHandshakeStatus() + ", server "
                        + s.getHandshakeStatus());
            }
        }
        throw new SSLException(name + " handshake incomplete after " + MAX_STEPS + " steps");
    }

    private SSLEngine configure(SSLEngine e, boolean client) {
        e.setUseClientMode(client);
        e.setEnabledProtocols(protocols);
        e.setEnabledCipherSuites(suites);
        return e;
    }

    private static boolean done(SSLEngine e) {
        HandshakeStatus hs = e.getHandshakeStatus();
        return hs == HandshakeStatus.NOT_HANDSHAKING || hs == HandshakeStatus.FINISHED;
    }

    /** One move of one engine: run its tasks, write what it wants to write, or read what the peer wrote. */
    private static boolean step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
        switch (e.getHandshakeStatus()) {
            case NEED_TASK: {
                for (Runnable task = e.getDelegatedTask(); task != null; task = e.getDelegatedTask()) {
                    task.run();
                }
                return true;
            }
            case NEED_WRAP: {
                SSLEngineResult r = e.wrap(ByteBuffer.allocate(0), out);
                return r.bytesProduced() > 0 || r.getHandshakeStatus() != HandshakeStatus.NEED_WRAP;
            }
            case NEED_UNWRAP:
            case NEED_UNWRAP_AGAIN: {
                in.flip();
                try {
                    if (!in.hasRemaining() && e.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
                        return false;
                    }
                    app.clear();
                    SSLEngineResult r = e.unwrap(in, app);
                    return r.bytesConsumed() > 0 || r.getStatus() == SSLEngineResult.Status.OK;
                } finally {
                    in.compact();
                }
            }
            default:
                return false;
        }
    }
}
