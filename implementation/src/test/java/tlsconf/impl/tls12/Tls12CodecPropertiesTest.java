package tlsconf.impl.tls12;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.tls12.message.Certificate12;
import tlsconf.impl.tls12.message.CertificateRequest12;
import tlsconf.impl.tls12.message.CertificateVerify12;
import tlsconf.impl.tls12.message.ClientKeyExchange;
import tlsconf.impl.tls12.message.Finished12;
import tlsconf.impl.tls12.message.HelloRequest;
import tlsconf.impl.tls12.message.NewSessionTicket12;
import tlsconf.impl.tls12.message.ServerHelloDone;
import tlsconf.impl.tls12.message.ServerKeyExchange;
import tlsconf.impl.tls12.message.Tls12Message;

/**
 * Codec properties of the TLS 1.2 messages (QuickTheories, seeded generators): every message round-trips byte for
 * byte, no strict prefix of a body decodes, and random bodies raise nothing but our alert exception.
 */
class Tls12CodecPropertiesTest {
    private static byte[] bytes(Random r, int min, int max) {
        byte[] b = new byte[min + r.nextInt(max - min + 1)];
        r.nextBytes(b);
        return b;
    }

    private static List<Integer> u16s(Random r, int min, int max) {
        List<Integer> l = new ArrayList<>();
        int n = min + r.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            l.add(r.nextInt(1 << 16));
        }
        return l;
    }

    static Tls12Message any(long seed) {
        Random r = new Random(seed);
        switch (r.nextInt(10)) {
            case 0:
                return new HelloRequest();
            case 1: {
                List<byte[]> chain = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    chain.add(bytes(r, 1, 300));
                }
                return new Certificate12(chain);
            }
            case 2:
                return new ServerKeyExchange(r.nextInt(1 << 16), bytes(r, 1, 255), r.nextInt(1 << 16),
                        bytes(r, 0, 600));
            case 3: {
                List<Integer> types = new ArrayList<>();
                for (int i = 1 + r.nextInt(4); i > 0; i--) {
                    types.add(r.nextInt(256));
                }
                List<byte[]> cas = new ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    cas.add(bytes(r, 1, 100));
                }
                return new CertificateRequest12(types, u16s(r, 1, 20), cas);
            }
            case 4:
                return new ServerHelloDone();
            case 5:
                return new ClientKeyExchange(true, bytes(r, 0, 512));
            case 6:
                return new ClientKeyExchange(false, bytes(r, 1, 133));
            case 7:
                return new CertificateVerify12(r.nextInt(1 << 16), bytes(r, 0, 512));
            case 8:
                return new Finished12(bytes(r, 12, 12));
            default:
                return new NewSessionTicket12(r.nextLong() & 0xffffffffL, bytes(r, 0, 400));
        }
    }

    /** Decodes a body as the message the type (and, for ClientKeyExchange, the key exchange) says. */
    static Tls12Message decode(Tls12Message like, byte[] body) throws TlsAlertException {
        switch (like.type()) {
            case HELLO_REQUEST:
                return HelloRequest.decode(body);
            case CERTIFICATE:
                return Certificate12.decode(body);
            case SERVER_KEY_EXCHANGE:
                return ServerKeyExchange.decode(body);
            case CERTIFICATE_REQUEST:
                return CertificateRequest12.decode(body);
            case SERVER_HELLO_DONE:
                return ServerHelloDone.decode(body);
            case CLIENT_KEY_EXCHANGE:
                return ClientKeyExchange.decode(body, ((ClientKeyExchange) like).rsa());
            case CERTIFICATE_VERIFY:
                return CertificateVerify12.decode(body);
            case FINISHED:
                return Finished12.decode(body);
            case NEW_SESSION_TICKET:
                return NewSessionTicket12.decode(body);
            default:
                throw new IllegalArgumentException(like.type().toString());
        }
    }

    private static byte[] body(Tls12Message m) {
        byte[] e = m.encode();
        return Arrays.copyOfRange(e, 4, e.length);
    }

    @Test
    void everyMessageRoundTrips() {
        qt().withExamples(3000).forAll(longs().all()).check(seed -> {
            Tls12Message m = any(seed);
            try {
                Tls12Message back = decode(m, body(m));
                return back.type() == m.type() && Arrays.equals(m.encode(), back.encode());
            } catch (TlsAlertException e) {
                return false;
            }
        });
    }

    @Test
    void noStrictPrefixDecodes() {
        qt().withExamples(500).forAll(longs().all()).check(seed -> {
            Tls12Message m = any(seed);
            byte[] body = body(m);
            for (int n = 0; n < body.length; n++) {
                try {
                    decode(m, Arrays.copyOf(body, n));
                    return false;
                } catch (TlsAlertException expected) {
                    // decode_error (or illegal_parameter for a cut curve_type): right.
                }
            }
            return true;
        });
    }

    @Test
    void randomBodiesRaiseOnlyOurAlert() {
        qt().withExamples(10_000).forAll(longs().all(), integers().between(0, 300)).check((seed, len) -> {
            Random r = new Random(seed);
            byte[] body = new byte[len];
            r.nextBytes(body);
            Tls12Message like = any(seed);
            try {
                decode(like, body);
            } catch (TlsAlertException expected) {
                // Our alert: fine.
            }
            return true;
        });
    }
}
