package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.cert.Credentials;
import tlsconf.impl.cert.KeyType;

/** Interop with the JDK's SSLEngine pinned to TLSv1.2, in process, both roles. */
class JsseInteropTest {
    private static SSLContext context(Credentials ours, List<X509Certificate> trust) throws Exception {
        KeyManagerFactory kmf = null;
        if (ours != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("k", ours.privateKey(), "pw".toCharArray(), ours.chain().toArray(new X509Certificate[0]));
            kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, "pw".toCharArray());
        }
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        int i = 0;
        for (X509Certificate c : trust) {
            ts.setCertificateEntry("t" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Our engine and an SSLEngine, pumped in memory until both have settled (bounded). */
    private static void pump(Tls12Engine ours, SSLEngine jdk, List<byte[]> jdkAppIn) throws Exception {
        ByteBuffer fromJdk = ByteBuffer.allocate(1 << 17);
        ByteBuffer toJdk = ByteBuffer.allocate(1 << 17);
        ByteBuffer app = ByteBuffer.allocate(1 << 17);
        for (int round = 0; round < 200; round++) {
            boolean progress = false;
            byte[] out = ours.takeOutgoing();
            if (out.length > 0) {
                toJdk.put(out);
                progress = true;
            }
            toJdk.flip();
            while (true) {
                SSLEngineResult r = jdk.unwrap(toJdk, app);
                runTasks(jdk);
                if (r.bytesConsumed() == 0 && r.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    break;
                }
                progress = true;
            }
            toJdk.compact();
            app.flip();
            if (app.hasRemaining()) {
                byte[] b = new byte[app.remaining()];
                app.get(b);
                jdkAppIn.add(b);
            }
            app.clear();
            while (true) {
                SSLEngineResult r = jdk.wrap(ByteBuffer.allocate(0), fromJdk);
                runTasks(jdk);
                if (r.bytesProduced() == 0) {
                    break;
                }
                progress = true;
            }
            fromJdk.flip();
            if (fromJdk.hasRemaining()) {
                byte[] b = new byte[fromJdk.remaining()];
                fromJdk.get(b);
                ours.feed(b);
            }
            fromJdk.clear();
            if (!progress) {
                return;
            }
        }
        throw new AssertionError("SSLEngine pump did not settle");
    }

    private static void runTasks(SSLEngine e) {
        Runnable t;
        while ((t = e.getDelegatedTask()) != null) {
            t.run();
        }
    }

    private static void send(SSLEngine jdk, Tls12Engine ours, String text) throws Exception {
        ByteBuffer out = ByteBuffer.allocate(1 << 15);
        jdk.wrap(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), out);
        out.flip();
        byte[] b = new byte[out.remaining()];
        out.get(b);
        ours.feed(b);
    }

    private static String jsseName(Tls12CipherSuite s) {
        return s.name().replace("CHACHA20_POLY1305_SHA256", "CHACHA20_POLY1305_SHA256");
    }

    private static boolean jdkEnables(SSLEngine e, Tls12CipherSuite s) {
        return Arrays.asList(e.getSupportedCipherSuites()).contains(jsseName(s));
    }

    @ParameterizedTest(name = "our client, SSLEngine server, {0}")
    @EnumSource(Tls12CipherSuite.class)
    void ourClient(Tls12CipherSuite suite) throws Exception {
        KeyType key = Pair.keyFor(suite);
        SSLEngine server = context(Pair.pki().serverChain(key).credentials(), List.of()).createSSLEngine();
        server.setUseClientMode(false);
        server.setEnabledProtocols(new String[] {"TLSv1.2"});
        org.junit.jupiter.api.Assumptions.assumeTrue(jdkEnables(server, suite), "JDK lacks " + suite);
        server.setEnabledCipherSuites(new String[] {jsseName(suite)});
        Tls12Engine client = Tls12Engine.create(Pair.client(key).build(), Tls12Options.defaults()
                .withCipherSuites(suite));
        List<byte[]> got = new java.util.ArrayList<>();
        server.beginHandshake();
        pump(client, server, got);
        assertTrue(client.isHandshakeComplete(), client.state());
        assertEquals(suite, client.negotiated().cipherSuite());
        assertEquals("TLSv1.2", server.getSession().getProtocol());
        assertEquals(jsseName(suite), server.getSession().getCipherSuite());
        client.write("ping".getBytes(StandardCharsets.US_ASCII));
        pump(client, server, got);
        assertEquals("ping", new String(got.get(0), StandardCharsets.US_ASCII));
        send(server, client, "pong");
        assertEquals("pong", new String(client.read(), StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "SSLEngine client, our server, {0}")
    @EnumSource(Tls12CipherSuite.class)
    void ourServer(Tls12CipherSuite suite) throws Exception {
        KeyType key = Pair.keyFor(suite);
        SSLEngine client = context(null, Pair.pki().serverChain(key).trustAnchors()).createSSLEngine("localhost",
                443);
        client.setUseClientMode(true);
        client.setEnabledProtocols(new String[] {"TLSv1.2"});
        org.junit.jupiter.api.Assumptions.assumeTrue(jdkEnables(client, suite), "JDK lacks " + suite);
        client.setEnabledCipherSuites(new String[] {jsseName(suite)});
        SSLParameters p = client.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(p);
        Tls12Engine server = Tls12Engine.create(Pair.server(key).build(), Tls12Options.defaults());
        List<byte[]> got = new java.util.ArrayList<>();
        client.beginHandshake();
        pump(server, client, got);
        assertTrue(server.isHandshakeComplete(), server.state());
        assertEquals(suite, server.negotiated().cipherSuite());
        assertEquals(jsseName(suite), client.getSession().getCipherSuite());
        send(client, server, "hello");
        assertEquals("hello", new String(server.read(), StandardCharsets.US_ASCII));
    }

    @Test
    void clientAuthenticationBothWays() throws Exception {
        // Our server requires a certificate from the SSLEngine client.
        SSLEngine jdkClient = context(Pair.pki().clientChain(KeyType.EC_P256).credentials(),
                Pair.pki().serverChain(KeyType.RSA_2048).trustAnchors()).createSSLEngine("localhost", 443);
        jdkClient.setUseClientMode(true);
        jdkClient.setEnabledProtocols(new String[] {"TLSv1.2"});
        TlsConfig s = Pair.server(KeyType.RSA_2048).clientAuth(ClientAuth.REQUIRE)
                .trustAnchors(Pair.pki().clientChain(KeyType.EC_P256).trustAnchors()).build();
        Tls12Engine server = Tls12Engine.create(s, Tls12Options.defaults());
        jdkClient.beginHandshake();
        pump(server, jdkClient, new java.util.ArrayList<>());
        assertTrue(server.negotiated().clientAuthenticated());
        // Our client presents one to an SSLEngine server that needs it.
        SSLEngine jdkServer = context(Pair.pki().serverChain(KeyType.EC_P256).credentials(),
                Pair.pki().clientChain(KeyType.RSA_2048).trustAnchors()).createSSLEngine();
        jdkServer.setUseClientMode(false);
        jdkServer.setNeedClientAuth(true);
        jdkServer.setEnabledProtocols(new String[] {"TLSv1.2"});
        Tls12Engine client = Tls12Engine.create(Pair.client(KeyType.EC_P256)
                .credentials(Pair.pki().clientChain(KeyType.RSA_2048).credentials()).build(), Tls12Options.defaults());
        jdkServer.beginHandshake();
        pump(client, jdkServer, new java.util.ArrayList<>());
        assertTrue(client.isHandshakeComplete(), client.state());
        assertEquals(Pair.pki().clientChain(KeyType.RSA_2048).leaf(),
                jdkServer.getSession().getPeerCertificates()[0]);
    }

    @Test
    void ourClientResumesWithSslEngine() throws Exception {
        SSLContext ctx = context(Pair.pki().serverChain(KeyType.EC_P256).credentials(), List.of());
        Tls12Options o = Tls12Options.defaults().withClientSessions(Tls12SessionStore.inMemory());
        boolean[] resumed = new boolean[2];
        for (int i = 0; i < 2; i++) {
            SSLEngine server = ctx.createSSLEngine();
            server.setUseClientMode(false);
            server.setEnabledProtocols(new String[] {"TLSv1.2"});
            Tls12Engine client = Tls12Engine.create(Pair.client(KeyType.EC_P256).build(), o);
            server.beginHandshake();
            pump(client, server, new java.util.ArrayList<>());
            assertTrue(client.isHandshakeComplete(), client.state());
            resumed[i] = client.negotiated().resumed();
        }
        assertFalse(resumed[0]);
        assertTrue(resumed[1]);
    }
}
