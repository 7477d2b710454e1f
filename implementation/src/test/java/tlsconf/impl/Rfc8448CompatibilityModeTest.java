package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import tlsconf.impl.crypto.KeyShareSource;
import tlsconf.impl.message.ClientHello;
import tlsconf.model.vocabulary.Role;

/**
 * RFC 8448 §7 (middlebox compatibility mode) played by our client: session id, the server's CCS dropped by the §5
 * rules, our CCS before the Finished; every record byte for byte.
 */
class Rfc8448CompatibilityModeTest {
    private static final Rfc8448 S7 = Rfc8448.section(7);

    private static byte[] v7(String key) {
        return S7.bytes(key);
    }

    @Test
    void clientReproducesTheCompatibilityModeTrace() throws Exception {
        byte[] ch = v7("client|send_handshake_record|payload");
        ClientHello rfcHello = Msgs.clientHello(ch);
        TlsConfig config = TlsConfig.builder(Role.CLIENT)
                .serverName("server")
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                        CipherSuite.TLS_AES_256_GCM_SHA384)
                .middleboxCompat(true)
                .random(Rfc8448ServerReplayTest.scripted(new byte[32], Arrays.copyOfRange(ch, 6, 38),
                        rfcHello.legacySessionId()))
                .keyShareSource(KeyShareSource.fixed(Map.of(NamedGroup.X25519,
                        v7("client|create_an_ephemeral_x25519_key_pair|private_key"))))
                .clientHelloExtensions(ours -> rfcHello.extensions().list())
                .peerVerifier(PeerVerifier.acceptAny())
                .build();
        TlsEngine client = TlsEngine.create(config);
        assertArrayEquals(v7("client|send_handshake_record|complete_record"), client.takeOutgoing());
        client.feed(v7("server|send_handshake_record|complete_record"));
        client.feed(v7("server|send_change_cipher_spec_record|complete_record"));
        client.feed(v7("server|send_handshake_record|complete_record#2"));
        assertTrue(client.isHandshakeComplete());
        byte[] ccs = v7("client|send_change_cipher_spec_record|complete_record");
        byte[] fin = v7("client|send_handshake_record|complete_record#2");
        byte[] expected = Arrays.copyOf(ccs, ccs.length + fin.length);
        System.arraycopy(fin, 0, expected, ccs.length, fin.length);
        assertArrayEquals(expected, client.takeOutgoing());
        client.close();
        assertArrayEquals(v7("client|send_alert_record|complete_record"), client.takeOutgoing());
    }
}
