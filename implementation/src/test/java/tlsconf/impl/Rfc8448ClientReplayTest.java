package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tlsconf.impl.crypto.KeyShareSource;
import tlsconf.impl.crypto.Rfc8448Section3Test;
import tlsconf.impl.message.ClientHello;
import tlsconf.model.vocabulary.Role;

/**
 * Deterministic mode, client side: with RFC 8448 §3's random, x25519 key and extension list, our client writes the
 * RFC's ClientHello record, accepts the RFC server's flight (checking its RSA-PSS CertificateVerify and Finished),
 * and writes the RFC's Finished and application data records byte for byte.
 */
class Rfc8448ClientReplayTest {
    private static byte[] v(String key) {
        return Rfc8448Section3Test.v(key);
    }

    @Test
    void clientReproducesTheTrace() throws Exception {
        byte[] ch = v("client|construct_a_ClientHello_handshake_message|ClientHello");
        ClientHello rfcHello = Msgs.clientHello(ch);
        TlsConfig config = TlsConfig.builder(Role.CLIENT)
                .serverName("server")
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                        CipherSuite.TLS_AES_256_GCM_SHA384)
                .random(Rfc8448ServerReplayTest.scripted(new byte[32] /* unused ticket key */,
                        Arrays.copyOfRange(ch, 6, 38)))
                .keyShareSource(KeyShareSource.fixed(Map.of(NamedGroup.X25519,
                        v("client|create_an_ephemeral_x25519_key_pair|private_key"))))
                .clientHelloExtensions(ours -> rfcHello.extensions().list())
                // The RFC's certificate is a self-signed test certificate of 2016: its chain is not what this
                // test checks; its CertificateVerify and Finished are.
                .peerVerifier(PeerVerifier.acceptAny())
                .build();
        TlsEngine client = TlsEngine.create(config);
        assertArrayEquals(v("client|send_handshake_record|complete_record"), client.takeOutgoing());

        client.feed(v("server|send_handshake_record|complete_record"));
        client.feed(v("server|send_handshake_record|complete_record#2"));
        assertTrue(client.isHandshakeComplete());
        assertEquals(SignatureScheme.RSA_PSS_RSAE_SHA256, client.negotiated().signatureScheme());
        assertArrayEquals(v("client|send_handshake_record|complete_record#2"), client.takeOutgoing());

        client.feed(v("server|send_handshake_record|complete_record#3"));
        client.write(v("client|send_application_data_record|payload"));
        assertArrayEquals(v("client|send_application_data_record|complete_record"), client.takeOutgoing());
        client.feed(v("server|send_application_data_record|complete_record"));
        assertArrayEquals(v("server|send_application_data_record|payload"), client.read());
        client.close();
        assertArrayEquals(v("client|send_alert_record|complete_record"), client.takeOutgoing());
    }
}
