package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.tls12.message.Tls12Message;

/**
 * Mutated handshake messages (in every state, either direction) and random records fed to our TLS 1.2 engines never
 * raise anything but our alert exception and never hang (the pump is bounded). {@code -Dfuzz.tries=N
 * -Dfuzz.seed=S} for longer campaigns; 1,000 tries of each kind by default (about 17 s on 2 cores).
 */
class Tls12FuzzTest {
    private static final int TRIES = Integer.getInteger("fuzz.tries", 1000);
    private static final long SEED = Long.getLong("fuzz.seed", 12L);

    private static byte[] mutate(byte[] b, Random r) {
        byte[] m;
        switch (r.nextInt(5)) {
            case 0:
                m = b.clone();
                m[r.nextInt(m.length)] ^= (byte) (1 + r.nextInt(255));
                return m;
            case 1:
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            case 2:
                m = java.util.Arrays.copyOf(b, b.length + 1 + r.nextInt(8));
                return m;
            case 3:
                m = new byte[r.nextInt(64)];
                r.nextBytes(m);
                return m;
            default:
                m = b.clone();
                // Corrupt a length field inside the body.
                int at = 4 + r.nextInt(Math.max(1, m.length - 4));
                if (at < m.length) {
                    m[at] = (byte) r.nextInt(256);
                }
                return m;
        }
    }

    private static Pair pair(Random r, Tls12Seam clientSeam, Tls12Seam serverSeam) {
        Tls12CipherSuite suite = Tls12CipherSuite.values()[r.nextInt(Tls12CipherSuite.values().length)];
        KeyType key = Pair.keyFor(suite);
        TlsConfig.Builder server = Pair.server(key);
        TlsConfig.Builder client = Pair.client(key);
        if (r.nextBoolean()) {
            server.clientAuth(ClientAuth.REQUEST).trustAnchors(Pair.pki().clientChain(KeyType.EC_P256).trustAnchors());
            client.credentials(Pair.pki().clientChain(KeyType.EC_P256).credentials());
        }
        return Pair.of(client.build(), Tls12Options.defaults().withCipherSuites(suite), clientSeam, server.build(),
                Tls12Options.defaults(), serverSeam);
    }

    @Test
    void mutatedMessagesRaiseOnlyOurAlert() {
        Random master = new Random(SEED);
        int failures = 0;
        for (int i = 0; i < TRIES; i++) {
            Random r = new Random(master.nextLong());
            int target = r.nextInt(6);
            boolean clientSide = r.nextBoolean();
            int[] count = {0};
            Tls12Seam mutator = new Tls12Seam() {
                @Override
                public List<byte[]> onOutgoingHandshake(Tls12Message m, byte[] encoded) {
                    return count[0]++ == target ? List.of(mutate(encoded, r)) : List.of(encoded);
                }
            };
            Pair p = pair(r, clientSide ? mutator : Tls12Seam.NONE, clientSide ? Tls12Seam.NONE : mutator);
            // Only TlsAlertException is caught inside pump: anything else fails the test with its seed.
            try {
                if (p.pump() != null) {
                    failures++;
                }
            } catch (RuntimeException e) {
                throw new AssertionError("try " + i + " (seed " + SEED + ") raised " + e, e);
            }
        }
        assertTrue(failures > TRIES / 4, "mutations should mostly be caught, were " + failures + "/" + TRIES);
    }

    @Test
    void randomRecordsInEveryStateRaiseOnlyOurAlert() {
        Random master = new Random(SEED + 1);
        for (int i = 0; i < TRIES; i++) {
            Random r = new Random(master.nextLong());
            Pair p = pair(r, Tls12Seam.NONE, Tls12Seam.NONE);
            int steps = r.nextInt(4);
            try {
                for (int s = 0; s < steps; s++) {
                    byte[] c = p.client.takeOutgoing();
                    if (c.length > 0) {
                        p.server.feed(c);
                    }
                    byte[] sv = p.server.takeOutgoing();
                    if (sv.length > 0) {
                        p.client.feed(sv);
                    }
                }
                Tls12Engine victim = r.nextBoolean() ? p.client : p.server;
                byte[] content = new byte[r.nextInt(80)];
                r.nextBytes(content);
                int type = 20 + r.nextInt(5);
                byte[] rec = new byte[5 + content.length];
                rec[0] = (byte) type;
                rec[1] = 3;
                rec[2] = (byte) (r.nextInt(10) == 0 ? r.nextInt(256) : 3);
                rec[3] = (byte) (content.length >>> 8);
                rec[4] = (byte) content.length;
                System.arraycopy(content, 0, rec, 5, content.length);
                victim.feed(rec);
                p.pump();
            } catch (TlsAlertException expected) {
                // Our alert: fine.
            } catch (RuntimeException e) {
                throw new AssertionError("try " + i + " (seed " + SEED + ") raised " + e, e);
            }
        }
    }
}
