package tlsconf.impl.message;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tlsconf.impl.alert.TlsAlertException;

/**
 * Codec properties (issue 3): every message round-trips, and no strict prefix of an encoding decodes. The one
 * documented exception: a hello cut exactly where its extensions block begins is itself a valid extension-less hello
 * (RFC 5246 §7.4.1.2), so that single prefix is allowed to decode, as a different message.
 */
class CodecPropertiesTest {

    private static HandshakeFrame frame(byte[] encoded) {
        return new HandshakeFrame(encoded[0] & 0xff, Arrays.copyOfRange(encoded, 4, encoded.length), encoded);
    }

    @Test
    void everyMessageRoundTrips() {
        qt().withExamples(2000).forAll(longs().all()).check(seed -> {
            HandshakeMessage m = RandomMessages.any(seed);
            byte[] encoded = m.encode();
            try {
                HandshakeMessage back = frame(encoded).decode();
                return back.type() == m.type() && Arrays.equals(encoded, back.encode());
            } catch (TlsAlertException e) {
                return false;
            }
        });
    }

    @Test
    void noStrictPrefixDecodes() {
        qt().withExamples(500).forAll(longs().all()).check(seed -> {
            HandshakeMessage m = RandomMessages.any(seed);
            if (m instanceof Finished || m instanceof EndOfEarlyData) {
                return true; // Finished's length is checked by the handshake; EndOfEarlyData has no body.
            }
            byte[] body = Arrays.copyOfRange(m.encode(), 4, m.encode().length);
            int helloCut = helloExtensionsOffset(m);
            for (int n = 0; n < body.length; n++) {
                if (n == helloCut) {
                    continue;
                }
                byte[] prefix = Arrays.copyOf(body, n);
                byte[] framed = new byte[4 + n];
                framed[0] = (byte) m.type().code();
                System.arraycopy(prefix, 0, framed, 4, n);
                try {
                    new HandshakeFrame(m.type().code(), prefix, framed).decode();
                    return false;
                } catch (TlsAlertException expected) {
                    // decode_error: right.
                }
            }
            return true;
        });
    }

    private static int helloExtensionsOffset(HandshakeMessage m) {
        if (m instanceof ClientHello ch) {
            return 2 + 32 + 1 + ch.legacySessionId().length + 2 + 2 * ch.cipherSuites().size() + 1
                    + ch.compressionMethods().length;
        }
        if (m instanceof ServerHello sh) {
            return 2 + 32 + 1 + sh.legacySessionIdEcho().length + 2 + 1;
        }
        return -1;
    }

    @Test
    void randomBodiesNeverRaiseAnythingButOurAlert() {
        qt().withExamples(3000).forAll(longs().all()).check(seed -> {
            java.util.Random r = new java.util.Random(seed);
            byte[] body = RandomMessages.bytes(r, 0, 300);
            int type = r.nextInt(256);
            try {
                new HandshakeFrame(type, body, body).decode();
            } catch (TlsAlertException expected) {
                // fine
            }
            return true;
        });
    }
}
