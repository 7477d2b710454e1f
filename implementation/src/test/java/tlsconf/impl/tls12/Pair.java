package tlsconf.impl.tls12;

import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** Two in-memory TLS 1.2 engines and a bounded pump between them. */
final class Pair {
    final Tls12Engine client;
    final Tls12Engine server;

    Pair(Tls12Engine client, Tls12Engine server) {
        this.client = client;
        this.server = server;
    }

    static Pair of(TlsConfig c, Tls12Options co, TlsConfig s, Tls12Options so) {
        return new Pair(Tls12Engine.create(c, co), Tls12Engine.create(s, so));
    }

    static Pair of(TlsConfig c, Tls12Options co, Tls12Seam cs, TlsConfig s, Tls12Options so, Tls12Seam ss) {
        return new Pair(Tls12Engine.create(c, co, cs), Tls12Engine.create(s, so, ss));
    }

    /** Moves bytes both ways until neither side has any; returns the first alert raised while feeding, or null. */
    TlsAlertException pump() {
        TlsAlertException first = null;
        for (int round = 0; round < 50; round++) {
            byte[] c = client.takeOutgoing();
            byte[] s = server.takeOutgoing();
            if (c.length == 0 && s.length == 0) {
                return first;
            }
            if (c.length > 0 && server.failure() == null) {
                try {
                    server.feed(c);
                } catch (TlsAlertException e) {
                    first = first == null ? e : first;
                }
            }
            if (s.length > 0 && client.failure() == null) {
                try {
                    client.feed(s);
                } catch (TlsAlertException e) {
                    first = first == null ? e : first;
                }
            }
        }
        throw new AssertionError("pump did not settle in 50 rounds");
    }

    static TestPki pki() {
        return TestPki.shared();
    }

    static TlsConfig.Builder client(KeyType serverKey) {
        return TlsConfig.builder(Role.CLIENT).trustAnchors(pki().serverChain(serverKey).trustAnchors())
                .serverName("localhost");
    }

    static TlsConfig.Builder server(KeyType key) {
        return TlsConfig.builder(Role.SERVER).credentials(pki().serverChain(key).credentials());
    }

    /** A config that speaks only TLS 1.2 with these options, for {@link tlsconf.impl.TlsSocket}. */
    static TlsConfig only12(TlsConfig.Builder b, Tls12Options o) {
        return b.versions(TlsVersion.TLS_1_2).tls12(o).build();
    }

    static KeyType keyFor(Tls12CipherSuite s) {
        return s.keyExchange().rsaCertificate() ? KeyType.RSA_2048 : KeyType.EC_P256;
    }
}
