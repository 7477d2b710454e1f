package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.message.HandshakeMessage;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.seam.Seam;

/**
 * Random and mutated bytes fed to the record layer and to every handshake state (by mutating one message of a real
 * handshake through the seam, or the wire bytes between the engines) must never raise anything but our alert
 * exception, and never hang (every pump is bounded). {@code -Dfuzz.tries=N} (default 10,000) and
 * {@code -Dfuzz.seed=S} run a longer or a different campaign; a failure names its seed and try.
 */
class FuzzTest {
    private static final int TRIES = Integer.getInteger("fuzz.tries", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261127L);

    private static TlsConfig plainClient;
    private static TlsConfig plainServer;
    private static TlsConfig authClient;
    private static TlsConfig authServer;
    private static TlsConfig retryServer;
    private static TlsConfig resumingClient;
    private static TlsConfig earlyClient;
    private static TlsConfig earlyServer;

    @BeforeAll
    static void configs() throws Exception {
        // The plain client parses but does not PKIX-validate chains (cheaper tries); the others validate.
        plainClient = EnginePair.client(KeyType.ED25519).random(RandomSource.deterministic(1))
                .peerVerifier(PeerVerifier.acceptAny()).build();
        plainServer = EnginePair.server(KeyType.ED25519).random(RandomSource.deterministic(2)).build();
        authClient = EnginePair.client(KeyType.ED25519).credentials(EnginePair.pki().clientChain(KeyType.ED25519)
                .credentials()).random(RandomSource.deterministic(3)).build();
        authServer = EnginePair.server(KeyType.ED25519).clientAuth(ClientAuth.REQUIRE)
                .trustAnchors(EnginePair.pki().clientChain(KeyType.ED25519).trustAnchors())
                .random(RandomSource.deterministic(4)).build();
        retryServer = EnginePair.server(KeyType.ED25519).forceHelloRetryRequest(true)
                .random(RandomSource.deterministic(5)).build();
        resumingClient = EnginePair.client(KeyType.ED25519).sessionStore(SessionStore.inMemory())
                .middleboxCompat(true).build();
        earlyClient = EnginePair.client(KeyType.ED25519).sessionStore(SessionStore.inMemory())
                .earlyData(new byte[] {'0', 'r', 't', 't'}).build();
        earlyServer = EnginePair.server(KeyType.ED25519).maxEarlyData(100).random(RandomSource.deterministic(6))
                .build();
    }

    /** Mutates the k-th outgoing handshake message of one side. */
    static final class MutateNth implements Seam {
        private final int target;
        private final Random r;
        private int seen;

        MutateNth(int target, Random r) {
            this.target = target;
            this.r = r;
        }

        @Override
        public List<byte[]> onOutgoingHandshake(HandshakeMessage m, byte[] encoded, Epoch epoch) {
            return seen++ == target ? List.of(Mutator.mutate(encoded, r)) : List.of(encoded);
        }
    }

    @Test
    void nothingButAlertsUnderFuzz() {
        long start = System.nanoTime();
        int alerts = 0;
        for (int i = 0; i < TRIES; i++) {
            Random r = new Random(SEED * 31 + i);
            try {
                if (oneTry(i % 7, r)) {
                    alerts++;
                }
            } catch (TlsAlertException expected) {
                alerts++;
                noInternalError(expected, i);
            } catch (Throwable t) {
                throw new AssertionError("fuzz try " + i + " (seed " + SEED + ", kind " + (i % 7) + ") raised " + t,
                        t);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz: %d tries, %d ended in an alert, %.1f s, seed %d%n", TRIES, alerts, seconds, SEED);
        assertTrue(alerts > TRIES / 4, "most tries should be rejected: " + alerts + " of " + TRIES);
    }

    /** An internal_error alert is our bug turned into an alert by the engine's last line of defence. */
    private static void noInternalError(TlsAlertException e, int attempt) {
        if (e.violation() == tlsconf.impl.alert.Violation.INTERNAL) {
            throw new AssertionError("fuzz try " + attempt + " (seed " + SEED + ") hit an internal error: "
                    + e.getMessage(), e.getCause());
        }
    }

    /** One try; true when some side ended with an alert. */
    private boolean oneTry(int kind, Random r) throws TlsAlertException {
        switch (kind) {
            case 0:
                return feedRandom(TlsEngine.create(plainServer), r);
            case 1: {
                TlsEngine client = TlsEngine.create(plainClient);
                client.takeOutgoing();
                return feedRandom(client, r);
            }
            case 2: {
                boolean auth = r.nextBoolean();
                EnginePair p = new EnginePair(auth ? authClient : plainClient,
                        auth ? authServer : r.nextBoolean() ? retryServer : plainServer,
                        Seam.NONE, new MutateNth(r.nextInt(8), r));
                return checked(p.pumpThroughFailure(), p);
            }
            case 3: {
                boolean auth = r.nextBoolean();
                EnginePair p = new EnginePair(auth ? authClient : r.nextBoolean() ? resumingClient : plainClient,
                        auth ? authServer : r.nextBoolean() ? retryServer : plainServer,
                        new MutateNth(r.nextInt(4), r), Seam.NONE);
                return checked(p.pumpThroughFailure(), p);
            }
            case 4:
                return wireMutation(r);
            case 6: {
                // 0-RTT: each completed handshake leaves the client a ticket for the next try's early data.
                boolean atServer = r.nextBoolean();
                Seam m = new MutateNth(r.nextInt(4), r);
                EnginePair p = new EnginePair(earlyClient, earlyServer, atServer ? Seam.NONE : m,
                        atServer ? m : Seam.NONE);
                return checked(p.pumpThroughFailure(), p);
            }
            default: {
                // Random records at a connected engine.
                EnginePair p = new EnginePair(plainClient, plainServer);
                p.pump();
                TlsEngine target = r.nextBoolean() ? p.client : p.server;
                return feedRandom(target, r);
            }
        }
    }

    /** Random bytes, half of the time behind a plausible record header, in random chunks. */
    private static boolean feedRandom(TlsEngine engine, Random r) throws TlsAlertException {
        int records = 1 + r.nextInt(3);
        for (int k = 0; k < records; k++) {
            byte[] body = new byte[r.nextInt(300)];
            r.nextBytes(body);
            byte[] rec;
            if (r.nextBoolean()) {
                rec = new byte[5 + body.length];
                rec[0] = (byte) (20 + r.nextInt(5));
                rec[1] = 3;
                rec[2] = (byte) r.nextInt(5);
                rec[3] = (byte) (body.length >>> 8);
                rec[4] = (byte) body.length;
                System.arraycopy(body, 0, rec, 5, body.length);
            } else {
                rec = body;
            }
            int pos = 0;
            while (pos < rec.length) {
                int n = Math.min(rec.length - pos, 1 + r.nextInt(64));
                engine.feed(rec, pos, n);
                pos += n;
            }
        }
        return engine.failure() != null;
    }

    /** A real handshake whose wire bytes get one mutation in one direction. */
    private static boolean wireMutation(Random r) {
        EnginePair p = new EnginePair(plainClient, r.nextBoolean() ? retryServer : plainServer);
        int flight = r.nextInt(4);
        for (int round = 0; round < 20; round++) {
            byte[] c = p.client.takeOutgoing();
            byte[] s = p.server.takeOutgoing();
            if (c.length == 0 && s.length == 0) {
                break;
            }
            if (round == flight / 2) {
                if (flight % 2 == 0 && c.length > 0) {
                    c = Mutator.mutate(c, r);
                } else if (s.length > 0) {
                    s = Mutator.mutate(s, r);
                }
            }
            try {
                if (c.length > 0 && p.server.failure() == null) {
                    p.server.feed(c);
                }
                if (s.length > 0 && p.client.failure() == null) {
                    p.client.feed(s);
                }
            } catch (TlsAlertException e) {
                // keep delivering so the peer sees the alert
            }
        }
        return checked(null, p);
    }

    private static boolean checked(TlsAlertException first, EnginePair p) {
        for (TlsEngine e : new TlsEngine[] {p.client, p.server}) {
            if (e.failure() != null) {
                noInternalError(e.failure(), -1);
            }
        }
        return first != null || p.client.failure() != null || p.server.failure() != null;
    }
}
