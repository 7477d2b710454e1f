package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.tls12.message.ServerKeyExchange;
import tlsconf.impl.tls12.message.Tls12Message;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * Protocol violations against our TLS 1.2 side, made by the real peer through the seam; each must draw the alert RFC
 * 5246 names (as our side's sent alert, with the named violation) and leave the connection dead.
 */
class Tls12NegativeCasesTest {
    private static final Tls12CipherSuite ECDHE = Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    private static final Tls12CipherSuite RSA = Tls12CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;

    /** A seam that rewrites outgoing messages of one type. */
    private static Tls12Seam rewrite(HandshakeType type, java.util.function.Function<byte[], List<byte[]>> f) {
        return new Tls12Seam() {
            @Override
            public List<byte[]> onOutgoingHandshake(Tls12Message m, byte[] encoded) {
                return m.type() == type ? f.apply(encoded) : List.of(encoded);
            }
        };
    }

    private static Pair pair(Tls12CipherSuite suite, Tls12Seam clientSeam, Tls12Seam serverSeam) {
        KeyType key = Pair.keyFor(suite);
        return Pair.of(Pair.client(key).build(), Tls12Options.defaults().withCipherSuites(suite), clientSeam,
                Pair.server(key).build(), Tls12Options.defaults(), serverSeam);
    }

    private static void assertSent(Tls12Engine victim, AlertDescription alert, Violation v) {
        TlsAlertException f = victim.failure();
        assertNotNull(f, "no failure; state " + victim.state());
        assertTrue(f.sentByUs(), f.getMessage());
        assertEquals(alert, f.description(), f.getMessage());
        assertEquals(v, f.violation(), f.getMessage());
        // Dead afterwards: every call rethrows the same alert.
        TlsAlertException again = org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> victim.feed(new byte[] {22, 3, 3, 0, 1, 0}));
        assertEquals(f, again);
    }

    private static byte[] plaintextRecord(int type, byte[] content) {
        byte[] r = new byte[5 + content.length];
        r[0] = (byte) type;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) (content.length >>> 8);
        r[4] = (byte) content.length;
        System.arraycopy(content, 0, r, 5, content.length);
        return r;
    }

    @Test
    void earlyChangeCipherSpecToClient() throws Exception {
        Pair p = pair(ECDHE, Tls12Seam.NONE, Tls12Seam.NONE);
        p.server.feed(p.client.takeOutgoing());
        p.server.takeOutgoing();
        // RFC 5246 §7.1: a ChangeCipherSpec before the server's flight is done is unexpected_message.
        org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> p.client.feed(plaintextRecord(20, new byte[] {1})));
        assertSent(p.client, AlertDescription.UNEXPECTED_MESSAGE, Violation.BAD_CHANGE_CIPHER_SPEC);
    }

    @Test
    void earlyChangeCipherSpecToServer() throws Exception {
        Pair p = pair(ECDHE, Tls12Seam.NONE, Tls12Seam.NONE);
        p.server.feed(p.client.takeOutgoing());
        org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> p.server.feed(plaintextRecord(20, new byte[] {1})));
        assertEquals("ExpectClientKeyExchange", p.server.state());
        assertSent(p.server, AlertDescription.UNEXPECTED_MESSAGE, Violation.BAD_CHANGE_CIPHER_SPEC);
    }

    @Test
    void missingServerKeyExchangeUnderEcdhe() {
        Pair p = pair(ECDHE, Tls12Seam.NONE, rewrite(HandshakeType.SERVER_KEY_EXCHANGE, b -> List.of()));
        p.pump();
        assertSent(p.client, AlertDescription.UNEXPECTED_MESSAGE, Violation.UNEXPECTED_MESSAGE);
        assertTrue(p.client.failure().getMessage().contains("ServerHelloDone"), p.client.failure().getMessage());
    }

    @Test
    void serverKeyExchangeUnderRsa() {
        byte[] ske = new ServerKeyExchange(23, new byte[65], 0x0401, new byte[256]).encode();
        Pair p = pair(RSA, Tls12Seam.NONE, rewrite(HandshakeType.CERTIFICATE, b -> List.of(b, ske)));
        p.pump();
        assertSent(p.client, AlertDescription.UNEXPECTED_MESSAGE, Violation.UNEXPECTED_MESSAGE);
        assertTrue(p.client.failure().getMessage().contains("ServerKeyExchange"), p.client.failure().getMessage());
    }

    @Test
    void clientCertificateWithoutCertificateVerify() {
        TlsConfig server = Pair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUIRE)
                .trustAnchors(Pair.pki().clientChain(KeyType.EC_P256).trustAnchors()).build();
        TlsConfig client = Pair.client(KeyType.EC_P256)
                .credentials(Pair.pki().clientChain(KeyType.EC_P256).credentials()).build();
        Pair p = Pair.of(client, Tls12Options.defaults(), rewrite(HandshakeType.CERTIFICATE_VERIFY, b -> List.of()),
                server, Tls12Options.defaults(), Tls12Seam.NONE);
        p.pump();
        // RFC 5246 §7.4.8: after a non-empty client Certificate, CertificateVerify must come; a CCS is unexpected.
        assertSent(p.server, AlertDescription.UNEXPECTED_MESSAGE, Violation.BAD_CHANGE_CIPHER_SPEC);
        assertTrue(p.server.failure().getMessage().contains("ExpectCertificateVerify"));
    }

    /** The Finished arrives in the clear with no ChangeCipherSpec before it. */
    private static Tls12Seam finishedWithoutCcs(List<byte[]> held) {
        return new Tls12Seam() {
            @Override
            public boolean onOutgoingChangeCipherSpec() {
                return false;
            }

            @Override
            public List<byte[]> onOutgoingHandshake(Tls12Message m, byte[] encoded) {
                if (m.type() == HandshakeType.FINISHED) {
                    held.add(encoded);
                    return List.of();
                }
                return List.of(encoded);
            }
        };
    }

    @Test
    void finishedWithoutChangeCipherSpecToServer() throws Exception {
        List<byte[]> held = new ArrayList<>();
        Pair p = pair(ECDHE, finishedWithoutCcs(held), Tls12Seam.NONE);
        p.server.feed(p.client.takeOutgoing());
        p.client.feed(p.server.takeOutgoing());
        p.server.feed(p.client.takeOutgoing());
        assertEquals("ExpectChangeCipherSpec", p.server.state());
        org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> p.server.feed(plaintextRecord(22, held.get(0))));
        assertSent(p.server, AlertDescription.UNEXPECTED_MESSAGE, Violation.UNEXPECTED_MESSAGE);
    }

    @Test
    void finishedWithoutChangeCipherSpecToClient() throws Exception {
        List<byte[]> held = new ArrayList<>();
        Pair p = pair(ECDHE, Tls12Seam.NONE, finishedWithoutCcs(held));
        p.pump();
        assertEquals("ExpectChangeCipherSpec", p.client.state());
        org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> p.client.feed(plaintextRecord(22, held.get(0))));
        assertSent(p.client, AlertDescription.UNEXPECTED_MESSAGE, Violation.UNEXPECTED_MESSAGE);
    }

    /**
     * A handshake record that only begins a message, as a sealed Finished read as plaintext does when its bytes
     * announce a long body: refused at once, not waited for (the wait ended in a timeout before).
     */
    @Test
    void theStartOfAMessageBeforeChangeCipherSpecIsRefusedWithoutWaitingForItsBody() throws Exception {
        byte[] finishedStart = {20, 0, 0, 12, 1, 2};
        Pair p = pair(ECDHE, Tls12Seam.NONE, finishedWithoutCcs(new ArrayList<>()));
        p.pump();
        assertEquals("ExpectChangeCipherSpec", p.client.state());
        org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> p.client.feed(plaintextRecord(22, finishedStart)));
        assertSent(p.client, AlertDescription.UNEXPECTED_MESSAGE, Violation.UNEXPECTED_MESSAGE);

        Pair q = pair(ECDHE, finishedWithoutCcs(new ArrayList<>()), Tls12Seam.NONE);
        q.server.feed(q.client.takeOutgoing());
        q.client.feed(q.server.takeOutgoing());
        q.server.feed(q.client.takeOutgoing());
        assertEquals("ExpectChangeCipherSpec", q.server.state());
        org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> q.server.feed(plaintextRecord(22, finishedStart)));
        assertSent(q.server, AlertDescription.UNEXPECTED_MESSAGE, Violation.UNEXPECTED_MESSAGE);
    }

    /** A HelloRequest is empty (RFC 5246 §7.4.1.1): one announcing a body is a decode_error at its header. */
    @Test
    void aHelloRequestAnnouncingABodyIsRefusedAtItsHeader() throws Exception {
        Pair p = pair(ECDHE, Tls12Seam.NONE, finishedWithoutCcs(new ArrayList<>()));
        p.pump();
        org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> p.client.feed(plaintextRecord(22, new byte[] {0, 0, 1, 0, 7})));
        assertSent(p.client, AlertDescription.DECODE_ERROR, Violation.BAD_VECTOR_LENGTH);
    }

    private static Tls12Seam corruptFinished() {
        return rewrite(HandshakeType.FINISHED, b -> {
            byte[] bad = b.clone();
            bad[bad.length - 1] ^= 1;
            return List.of(bad);
        });
    }

    @Test
    void badFinishedFromClient() {
        for (Tls12CipherSuite s : Tls12CipherSuite.values()) {
            Pair p = pair(s, corruptFinished(), Tls12Seam.NONE);
            p.pump();
            assertSent(p.server, AlertDescription.DECRYPT_ERROR, Violation.FINISHED_MISMATCH);
            assertFalse(p.client.isHandshakeComplete());
            assertEquals(AlertDescription.DECRYPT_ERROR, p.client.failure().description());
        }
    }

    @Test
    void badFinishedFromServer() {
        Pair p = pair(ECDHE, Tls12Seam.NONE, corruptFinished());
        p.pump();
        assertSent(p.client, AlertDescription.DECRYPT_ERROR, Violation.FINISHED_MISMATCH);
    }

    @Test
    void corruptedProtectedRecordIsBadRecordMac() throws Exception {
        Pair p = pair(Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, Tls12Seam.NONE, Tls12Seam.NONE);
        p.pump();
        p.client.write(new byte[] {1, 2, 3});
        byte[] rec = p.client.takeOutgoing();
        rec[rec.length - 3] ^= 0x40;
        org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class, () -> p.server.feed(rec));
        assertSent(p.server, AlertDescription.BAD_RECORD_MAC, Violation.BAD_RECORD_MAC);
    }

    @Test
    void badServerKeyExchangeSignatureIsDecryptError() {
        Pair p = pair(ECDHE, Tls12Seam.NONE, rewrite(HandshakeType.SERVER_KEY_EXCHANGE, b -> {
            byte[] bad = b.clone();
            bad[12] ^= 1; // inside the point: the signature no longer covers these params
            return List.of(bad);
        }));
        p.pump();
        assertSent(p.client, AlertDescription.DECRYPT_ERROR, Violation.BAD_CERTIFICATE_VERIFY);
    }

    @Test
    void applicationDataBeforeFinishedIsUnexpected() throws Exception {
        Pair p = pair(ECDHE, Tls12Seam.NONE, Tls12Seam.NONE);
        p.server.feed(p.client.takeOutgoing());
        org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                () -> p.server.feed(plaintextRecord(23, new byte[] {1})));
        assertSent(p.server, AlertDescription.UNEXPECTED_MESSAGE, Violation.DATA_BEFORE_FINISHED);
    }

    @Test
    void noCommonSuiteIsHandshakeFailure() {
        // An EC server key cannot serve a client offering only RSA suites.
        Pair p = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults().withCipherSuites(RSA),
                Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults());
        p.pump();
        assertSent(p.server, AlertDescription.HANDSHAKE_FAILURE, Violation.NO_COMMON_CIPHER_SUITE);
    }

    @Test
    void clientWithoutExtendedMasterSecretIsRefusedByDefault() {
        Tls12Seam stripEms = rewrite(HandshakeType.CLIENT_HELLO, b -> List.of(Rewrites.withoutExtension(b, 23)));
        Pair p = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults(), stripEms,
                Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults(), Tls12Seam.NONE);
        p.pump();
        assertSent(p.server, AlertDescription.HANDSHAKE_FAILURE, Violation.MISSING_EXTENSION);
    }

    @Test
    void nonEmptyInitialRenegotiationInfoIsHandshakeFailure() {
        Tls12Seam badReneg = rewrite(HandshakeType.CLIENT_HELLO,
                b -> List.of(Rewrites.replaceExtension(b, 0xff01, new byte[] {1, 7})));
        Pair p = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults(), badReneg,
                Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults(), Tls12Seam.NONE);
        p.pump();
        assertSent(p.server, AlertDescription.HANDSHAKE_FAILURE, Violation.BAD_EXTENSION);
    }

    @Test
    void clientHelloBelowTls12IsProtocolVersion() {
        Tls12Seam old = rewrite(HandshakeType.CLIENT_HELLO, b -> {
            byte[] c = b.clone();
            c[5] = 2; // client_version 0x0302
            return List.of(c);
        });
        Pair p = Pair.of(Pair.client(KeyType.EC_P256).build(), Tls12Options.defaults(), old,
                Pair.server(KeyType.EC_P256).build(), Tls12Options.defaults(), Tls12Seam.NONE);
        p.pump();
        assertSent(p.server, AlertDescription.PROTOCOL_VERSION, Violation.UNSUPPORTED_VERSION);
    }

}
