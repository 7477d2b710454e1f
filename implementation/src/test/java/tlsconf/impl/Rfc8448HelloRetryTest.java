package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import tlsconf.impl.crypto.KeyShareSource;
import tlsconf.impl.message.ClientHello;
import tlsconf.model.vocabulary.Role;

/**
 * RFC 8448 §5 (HelloRetryRequest) played by our client: both ClientHellos (the second after the message_hash
 * transcript substitution and with the server's cookie) and the Finished record come out byte for byte.
 */
class Rfc8448HelloRetryTest {
    private static final Rfc8448 S5 = Rfc8448.section(5);

    private static byte[] v5(String key) {
        return S5.bytes(key);
    }

    @Test
    void clientReproducesTheHelloRetryTrace() throws Exception {
        byte[] ch1 = v5("client|send_handshake_record|payload");
        ClientHello first = Msgs.clientHello(ch1);
        ClientHello second = Msgs.clientHello(v5("client|send_handshake_record|payload#2"));
        AtomicInteger hellos = new AtomicInteger();
        TlsConfig config = TlsConfig.builder(Role.CLIENT)
                .serverName("server")
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                        CipherSuite.TLS_AES_256_GCM_SHA384)
                .random(Rfc8448ServerReplayTest.scripted(new byte[32], Arrays.copyOfRange(ch1, 6, 38)))
                .keyShareSource(KeyShareSource.fixed(Map.of(
                        NamedGroup.X25519, v5("client|create_an_ephemeral_x25519_key_pair|private_key"),
                        NamedGroup.SECP256R1, v5("client|create_an_ephemeral_P-256_key_pair|private_key"))))
                .clientHelloExtensions(ours -> (hellos.getAndIncrement() == 0 ? first : second).extensions().list())
                .peerVerifier(PeerVerifier.acceptAny())
                .build();
        TlsEngine client = TlsEngine.create(config);
        assertArrayEquals(v5("client|send_handshake_record|complete_record"), client.takeOutgoing());

        client.feed(v5("server|send_handshake_record|complete_record"));
        assertArrayEquals(v5("client|send_handshake_record|complete_record#2"), client.takeOutgoing(),
                "second ClientHello after the HelloRetryRequest");

        client.feed(v5("server|send_handshake_record|complete_record#2"));
        client.feed(v5("server|send_handshake_record|complete_record#3"));
        assertTrue(client.negotiated().helloRetryRequest());
        assertEquals(NamedGroup.SECP256R1, client.negotiated().group());
        assertArrayEquals(v5("client|send_handshake_record|complete_record#3"), client.takeOutgoing());
        client.close();
        assertArrayEquals(v5("client|send_alert_record|complete_record"), client.takeOutgoing());
    }
}
