package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import tlsconf.impl.crypto.KeyShareSource;
import tlsconf.impl.crypto.Rfc8448Section3Test;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.NewSessionTicket;
import tlsconf.impl.message.ext.CodeLists;
import tlsconf.impl.message.ext.OfferedPsks;
import tlsconf.model.vocabulary.Role;

/**
 * RFC 8448 §4 (resumed 0-RTT handshake) played by our client: with the §3 ticket and PSK, the §4 random, x25519 key
 * and extension list, our client writes the RFC's ClientHello (its PSK binder included), 0-RTT record,
 * EndOfEarlyData, Finished and application data records byte for byte. Values come from the RFC text.
 */
class Rfc8448ResumedZeroRttTest {
    private static final Rfc8448 S4 = Rfc8448.section(4);

    private static byte[] v4(String key) {
        return S4.bytes(key);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void clientReproducesTheResumedZeroRttTrace() throws Exception {
        byte[] nstBytes = Rfc8448Section3Test.v("server|construct_a_NewSessionTicket_handshake_message|NewSessionTicket");
        NewSessionTicket nst = (NewSessionTicket) Rfc8448Section3Test.frame(nstBytes).decode();
        byte[] psk = Rfc8448Section3Test.v("server|generate_resumption_secret_tls13_resumption|expanded");
        long maxEarly = CodeLists.decodeU32(nst.extensions().data(ExtensionType.EARLY_DATA).get(), "early_data");

        // The "ClientHello" the RFC prints first stops before the binders; the record payload is the whole message.
        byte[] ch = v4("client|send_handshake_record|payload");
        ClientHello rfcHello = Msgs.clientHello(ch);
        OfferedPsks offered = OfferedPsks.decode(rfcHello.extensions().data(ExtensionType.PRE_SHARED_KEY).get());
        long ageMs = (offered.identities().get(0).obfuscatedTicketAge() - nst.ageAdd()) & 0xffffffffL;
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        SessionStore store = SessionStore.inMemory();
        store.put("server", new SessionTicket(CipherSuite.TLS_AES_128_GCM_SHA256, psk, nst.ticket(), nst.lifetime(),
                nst.ageAdd(), now.minusMillis(ageMs), maxEarly, List.of()));
        byte[] early = v4("client|send_application_data_record|payload");

        TlsConfig config = TlsConfig.builder(Role.CLIENT)
                .serverName("server")
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                        CipherSuite.TLS_AES_256_GCM_SHA384)
                .random(Rfc8448ServerReplayTest.scripted(new byte[32], Arrays.copyOfRange(ch, 6, 38)))
                .keyShareSource(KeyShareSource.fixed(Map.of(NamedGroup.X25519,
                        v4("client|create_an_ephemeral_x25519_key_pair|private_key"))))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .sessionStore(store)
                .earlyData(early)
                .clientHelloExtensions(ours -> rfcHello.extensions().without(ExtensionType.PRE_SHARED_KEY).list())
                .peerVerifier(PeerVerifier.acceptAny())
                .build();
        TlsEngine client = TlsEngine.create(config);
        assertArrayEquals(concat(v4("client|send_handshake_record|complete_record"),
                v4("client|send_application_data_record|complete_record")), client.takeOutgoing(),
                "ClientHello with its binder, then the 0-RTT record");

        client.feed(v4("server|send_handshake_record|complete_record"));
        client.feed(v4("server|send_handshake_record|complete_record#2"));
        assertTrue(client.negotiated().resumed());
        assertTrue(client.negotiated().earlyDataAccepted());
        assertArrayEquals(concat(v4("client|send_handshake_record|complete_record#2"),
                v4("client|send_handshake_record|complete_record#3")), client.takeOutgoing(),
                "EndOfEarlyData under the early keys, then Finished");

        client.write(v4("client|send_application_data_record|payload#2"));
        assertArrayEquals(v4("client|send_application_data_record|complete_record#2"), client.takeOutgoing());
        client.feed(v4("server|send_application_data_record|complete_record"));
        assertArrayEquals(v4("server|send_application_data_record|payload"), client.read());
    }
}
