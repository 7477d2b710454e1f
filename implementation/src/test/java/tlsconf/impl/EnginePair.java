package tlsconf.impl;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.impl.seam.Seam;
import tlsconf.model.vocabulary.Role;

/**
 * A client and a server engine in one JVM with a bounded pump between them. Public for the tests of the seam
 * package (tlsconf.impl.seam), which drive a real handshake as well.
 */
public final class EnginePair {
    public final TlsEngine client;
    public final TlsEngine server;

    EnginePair(TlsConfig clientConfig, TlsConfig serverConfig) {
        this(clientConfig, serverConfig, Seam.NONE, Seam.NONE);
    }

    public EnginePair(TlsConfig clientConfig, TlsConfig serverConfig, Seam clientSeam, Seam serverSeam) {
        client = TlsEngine.create(clientConfig, clientSeam);
        server = TlsEngine.create(serverConfig, serverSeam);
    }

    /** Moves bytes both ways until neither side has anything to send (at most 50 rounds). */
    public void pump() throws TlsAlertException {
        for (int i = 0; i < 50; i++) {
            byte[] c = client.takeOutgoing();
            if (c.length > 0) {
                server.feed(c);
            }
            byte[] s = server.takeOutgoing();
            if (s.length > 0) {
                client.feed(s);
            }
            if (c.length == 0 && s.length == 0) {
                return;
            }
        }
        throw new AssertionError("pump did not settle in 50 rounds");
    }

    /**
     * Like {@link #pump} but keeps delivering after a side fails, so the peer also sees the alert. Returns the
     * failure of the side that raised first (sent by it), or null if the handshake settled without one.
     */
    TlsAlertException pumpThroughFailure() {
        TlsAlertException first = null;
        for (int i = 0; i < 50; i++) {
            byte[] c = client.takeOutgoing();
            if (c.length > 0 && server.failure() == null) {
                try {
                    server.feed(c);
                } catch (TlsAlertException e) {
                    first = first == null ? e : first;
                }
            }
            byte[] s = server.takeOutgoing();
            if (s.length > 0 && client.failure() == null) {
                try {
                    client.feed(s);
                } catch (TlsAlertException e) {
                    first = first == null ? e : first;
                }
            }
            if (c.length == 0 && s.length == 0) {
                return first;
            }
        }
        throw new AssertionError("pump did not settle in 50 rounds");
    }

    static TestPki pki() {
        return TestPki.shared();
    }

    public static TlsConfig.Builder client(KeyType serverKey) {
        return TlsConfig.builder(Role.CLIENT).trustAnchors(pki().serverChain(serverKey).trustAnchors())
                .serverName("localhost");
    }

    public static TlsConfig.Builder server(KeyType key) {
        return TlsConfig.builder(Role.SERVER).credentials(pki().serverChain(key).credentials());
    }
}
