package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.crypto.KeyShareSource;
import tlsconf.impl.crypto.Rfc8448Section3Test;

/**
 * Deterministic mode: our server, given RFC 8448 §3's ClientHello, its random and its x25519 private key, puts the
 * RFC's ServerHello record on the wire byte for byte.
 */
class Rfc8448ServerReplayTest {

    /** Hands out scripted byte strings in order: exactly the randomness the RFC trace used. */
    static RandomSource scripted(byte[]... chunks) {
        Deque<byte[]> q = new ArrayDeque<>(Arrays.asList(chunks));
        return out -> {
            byte[] next = q.pollFirst();
            if (next == null || next.length != out.length) {
                throw new AssertionError("unscripted random request of " + out.length + " bytes");
            }
            System.arraycopy(next, 0, out, 0, out.length);
        };
    }

    @Test
    void serverHelloRecordIsByteExact() throws Exception {
        byte[] sh = Rfc8448Section3Test.v("server|construct_a_ServerHello_handshake_message|ServerHello");
        byte[] serverRandom = Arrays.copyOfRange(sh, 6, 38);
        TlsConfig config = EnginePair.server(KeyType.RSA_2048)
                .random(scripted(new byte[32] /* ticket key */, serverRandom, new byte[32], new byte[32]))
                .keyShareSource(KeyShareSource.fixed(Map.of(NamedGroup.X25519,
                        Rfc8448Section3Test.v("server|create_an_ephemeral_x25519_key_pair|private_key"))))
                .build();
        TlsEngine server = TlsEngine.create(config);
        server.feed(Rfc8448Section3Test.v("client|send_handshake_record|complete_record"));
        byte[] out = server.takeOutgoing();
        byte[] expected = Rfc8448Section3Test.v("server|send_handshake_record|complete_record");
        assertArrayEquals(expected, Arrays.copyOf(out, expected.length));
    }
}
