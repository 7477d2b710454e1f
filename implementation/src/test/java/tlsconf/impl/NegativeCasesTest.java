package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.CertificateDefect;
import tlsconf.impl.cert.DefectiveChain;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.impl.message.CertificateMessage;
import tlsconf.impl.message.CertificateRequest;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.Extensions;
import tlsconf.impl.message.Finished;
import tlsconf.impl.message.ServerHello;
import tlsconf.impl.seam.Seam;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;

/** Peers that break the rules, played through the seam: our side must answer with the alert the RFC names. */
class NegativeCasesTest {

    private static TlsConfig client() {
        return EnginePair.client(KeyType.EC_P256).build();
    }

    private static TlsConfig server() {
        return EnginePair.server(KeyType.EC_P256).build();
    }

    /** Runs the pair and returns the alert the given side sent. */
    private static TlsAlertException sentBy(TlsEngine side, EnginePair p) {
        p.pumpThroughFailure();
        TlsAlertException e = side.failure();
        assertNotNull(e, side.role() + " should have failed");
        assertTrue(e.sentByUs(), side.role() + " should have sent the alert: " + e.getMessage());
        return e;
    }

    private static void expect(AlertDescription alert, TlsEngine side, EnginePair p) {
        TlsAlertException e = sentBy(side, p);
        assertEquals(alert, e.description(), e.getMessage());
        TlsEngine peer = side == p.client ? p.server : p.client;
        if (peer.failure() != null && !peer.failure().sentByUs()) {
            assertEquals(alert, peer.failure().description(), "the peer receives the same alert");
        }
    }

    @Test
    void wrongServerFinishedIsDecryptError() {
        EnginePair p = new EnginePair(client(), server(), Seam.NONE,
                Rewrite.of(HandshakeType.FINISHED, Rewrite::flipLastBit));
        expect(AlertDescription.DECRYPT_ERROR, p.client, p);
        assertEquals("alert sent: decrypt_error (51): Finished verify_data mismatch", p.client.failure().getMessage());
    }

    @Test
    void wrongClientFinishedIsDecryptError() {
        EnginePair p = new EnginePair(client(), server(), Rewrite.of(HandshakeType.FINISHED, Rewrite::flipLastBit),
                Seam.NONE);
        expect(AlertDescription.DECRYPT_ERROR, p.server, p);
    }

    @Test
    void finishedOfWrongLengthIsDecodeError() {
        EnginePair p = new EnginePair(client(), server(), Seam.NONE, Rewrite.of(HandshakeType.FINISHED,
                b -> List.of(new Finished(Arrays.copyOfRange(b, 4, b.length - 1)).encode())));
        expect(AlertDescription.DECODE_ERROR, p.client, p);
    }

    @Test
    void badServerCertificateVerifyIsDecryptError() {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.ED25519).build(), EnginePair.server(KeyType.ED25519).build(),
                Seam.NONE, Rewrite.of(HandshakeType.CERTIFICATE_VERIFY, Rewrite::flipLastBit));
        expect(AlertDescription.DECRYPT_ERROR, p.client, p);
    }

    @Test
    void badClientCertificateVerifyIsDecryptError() {
        TlsConfig c = EnginePair.client(KeyType.EC_P256)
                .credentials(EnginePair.pki().clientChain(KeyType.RSA_2048).credentials()).build();
        TlsConfig s = EnginePair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUIRE)
                .trustAnchors(EnginePair.pki().clientChain(KeyType.RSA_2048).trustAnchors()).build();
        EnginePair p = new EnginePair(c, s, Rewrite.of(HandshakeType.CERTIFICATE_VERIFY, Rewrite::flipLastBit),
                Seam.NONE);
        expect(AlertDescription.DECRYPT_ERROR, p.server, p);
    }

    @Test
    void certificateVerifyWithSchemeNotFittingTheKeyIsIllegalParameter() {
        // The RSA-keyed server claims ecdsa_secp256r1_sha256 (0x0403) for its signature.
        EnginePair p = new EnginePair(EnginePair.client(KeyType.RSA_2048).build(),
                EnginePair.server(KeyType.RSA_2048).build(), Seam.NONE,
                Rewrite.of(HandshakeType.CERTIFICATE_VERIFY, b -> {
                    byte[] c = b.clone();
                    c[4] = 0x04;
                    c[5] = 0x03;
                    return List.of(c);
                }));
        expect(AlertDescription.ILLEGAL_PARAMETER, p.client, p);
    }

    static Stream<Object[]> clientUnexpected() {
        return Stream.of(
                new Object[] {"EncryptedExtensions dropped", HandshakeType.ENCRYPTED_EXTENSIONS},
                new Object[] {"Certificate dropped", HandshakeType.CERTIFICATE},
                new Object[] {"CertificateVerify dropped", HandshakeType.CERTIFICATE_VERIFY});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientUnexpected")
    void clientRejectsASkippedServerMessage(String name, HandshakeType dropped) {
        EnginePair p = new EnginePair(client(), server(), Seam.NONE, Rewrite.of(dropped, Rewrite::drop));
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.client, p);
    }

    @Test
    void clientRejectsARepeatedEncryptedExtensions() {
        EnginePair p = new EnginePair(client(), server(), Seam.NONE,
                Rewrite.of(HandshakeType.ENCRYPTED_EXTENSIONS, Rewrite::twice));
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.client, p);
    }

    @Test
    void repeatedServerHelloInOneRecordIsUnexpectedMessage() {
        // The copy sits after the key-changing ServerHello in the same record (RFC 8446 §5.1).
        EnginePair p = new EnginePair(client(), server(), Seam.NONE,
                Rewrite.of(HandshakeType.SERVER_HELLO, Rewrite::twice));
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.client, p);
    }

    @Test
    void secondHelloRetryRequestIsUnexpectedMessage() {
        EnginePair p = new EnginePair(client(), EnginePair.server(KeyType.EC_P256).forceHelloRetryRequest(true)
                .build(), Seam.NONE, Rewrite.of(HandshakeType.HELLO_RETRY_REQUEST, Rewrite::twice));
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.client, p);
    }

    @Test
    void serverRejectsFinishedInsteadOfClientHello() {
        EnginePair p = new EnginePair(client(), server(), Rewrite.of(HandshakeType.CLIENT_HELLO,
                b -> List.of(new Finished(new byte[32]).encode())), Seam.NONE);
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.server, p);
    }

    @Test
    void serverRejectsCertificateInsteadOfFinished() {
        EnginePair p = new EnginePair(client(), server(), Rewrite.of(HandshakeType.FINISHED,
                b -> List.of(CertificateMessage.of(new byte[0], List.of()).encode())), Seam.NONE);
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.server, p);
    }

    @Test
    void serverRejectsASkippedClientCertificate() {
        EnginePair p = new EnginePair(client(), EnginePair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUEST)
                .build(), Rewrite.of(HandshakeType.CERTIFICATE, Rewrite::drop), Seam.NONE);
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.server, p);
    }

    @Test
    void serverRejectsASkippedClientCertificateVerify() {
        TlsConfig c = EnginePair.client(KeyType.EC_P256)
                .credentials(EnginePair.pki().clientChain(KeyType.EC_P256).credentials()).build();
        TlsConfig s = EnginePair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUIRE)
                .trustAnchors(EnginePair.pki().clientChain(KeyType.EC_P256).trustAnchors()).build();
        EnginePair p = new EnginePair(c, s, Rewrite.of(HandshakeType.CERTIFICATE_VERIFY, Rewrite::drop), Seam.NONE);
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.server, p);
    }

    @Test
    void connectedServerRejectsAClientHello() throws Exception {
        EnginePair p = new EnginePair(client(), server());
        p.pump();
        p.client.sendRecord(22, new ClientHello(0x0303, new byte[32], new byte[0], List.of(0x1301), new byte[] {0},
                Extensions.NONE).encode());
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.server, p);
    }

    @Test
    void connectedClientRejectsAPostHandshakeCertificateRequest() throws Exception {
        EnginePair p = new EnginePair(client(), server());
        p.pump();
        p.server.sendRecord(22, new CertificateRequest(new byte[] {1}, Extensions.NONE).encode());
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.client, p);
    }

    @Test
    void applicationDataBeforeFinishedIsUnexpectedMessage() throws Exception {
        // The server's Finished never arrives, so the client still writes under handshake keys.
        EnginePair p = new EnginePair(client(), server(), Seam.NONE, Rewrite.of(HandshakeType.FINISHED,
                Rewrite::drop));
        p.pump();
        p.client.sendRecord(23, new byte[] {'x'});
        expect(AlertDescription.UNEXPECTED_MESSAGE, p.server, p);
    }

    @Test
    void duplicateExtensionInClientHelloIsIllegalParameter() {
        EnginePair p = new EnginePair(client(), server(), Rewrite.of(HandshakeType.CLIENT_HELLO, b -> {
            ClientHello ch = Msgs.clientHello(b);
            Extension sv = ch.extensions().find(ExtensionType.SUPPORTED_VERSIONS).get();
            return List.of(new ClientHello(ch.legacyVersion(), ch.random(), ch.legacySessionId(), ch.cipherSuites(),
                    ch.compressionMethods(), ch.extensions().with(sv)).encode());
        }), Seam.NONE);
        expect(AlertDescription.ILLEGAL_PARAMETER, p.server, p);
    }

    @Test
    void downgradeSentinelIsIllegalParameter() {
        EnginePair p = new EnginePair(client(), server(), Seam.NONE, Rewrite.of(HandshakeType.SERVER_HELLO, b -> {
            ServerHello sh = Msgs.serverHello(b);
            byte[] random = sh.random().clone();
            System.arraycopy(ServerHello.DOWNGRADE_TLS12, 0, random, 24, 8);
            return List.of(new ServerHello(0x0303, random, sh.legacySessionIdEcho(), 0xc02f, 0, Extensions.NONE)
                    .encode());
        }));
        expect(AlertDescription.ILLEGAL_PARAMETER, p.client, p);
    }

    @Test
    void unofferedCipherSuiteIsIllegalParameter() {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256)
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).build(), server(), Seam.NONE,
                Rewrite.of(HandshakeType.SERVER_HELLO, b -> {
                    byte[] c = b.clone();
                    int at = 4 + 2 + 32 + 1 + (c[4 + 2 + 32] & 0xff);
                    c[at + 1] = 0x02;
                    return List.of(c);
                }));
        expect(AlertDescription.ILLEGAL_PARAMETER, p.client, p);
    }

    @Test
    void allZeroX25519ShareIsIllegalParameter() {
        EnginePair p = new EnginePair(client(), server(), Seam.NONE, Rewrite.of(HandshakeType.SERVER_HELLO, b -> {
            ServerHello sh = Msgs.serverHello(b);
            List<Extension> ext = new ArrayList<>();
            for (Extension e : sh.extensions().list()) {
                ext.add(e.type() == ExtensionType.KEY_SHARE
                        ? new Extension(ExtensionType.KEY_SHARE, new TlsWriter().u16(0x001d).vector(2, new byte[32])
                                .toByteArray()) : e);
            }
            return List.of(new ServerHello(sh.legacyVersion(), sh.random(), sh.legacySessionIdEcho(),
                    sh.cipherSuite(), 0, new Extensions(ext)).encode());
        }));
        expect(AlertDescription.ILLEGAL_PARAMETER, p.client, p);
    }

    @Test
    void clientWithoutTrustAnchorsSaysUnknownCa() {
        EnginePair p = new EnginePair(TlsConfig.builder(Role.CLIENT).serverName("localhost").build(), server());
        expect(AlertDescription.UNKNOWN_CA, p.client, p);
    }

    static Stream<CertificateDefect> serverDefects() {
        return Arrays.stream(CertificateDefect.values()).filter(d -> d.appliesTo(Role.SERVER));
    }

    @ParameterizedTest
    @MethodSource("serverDefects")
    void defectiveServerChainDrawsTheExpectedAlert(CertificateDefect defect) {
        DefectiveChain chain = EnginePair.pki().defective(defect, Role.SERVER);
        TlsConfig c = TlsConfig.builder(Role.CLIENT).trustAnchors(chain.trustAnchors())
                .serverName(chain.peerName()).build();
        EnginePair p = new EnginePair(c, server(), Seam.NONE, Rewrite.of(HandshakeType.CERTIFICATE,
                b -> List.of(CertificateMessage.of(new byte[0], chain.der()).encode())));
        TlsAlertException e = sentBy(p.client, p);
        assertTrue(chain.expectedAlerts().contains(e.description()), defect + ": expected one of "
                + chain.expectedAlerts() + ", got " + e.getMessage());
    }

    @Test
    void requiredClientCertificateFromUnknownCaIsRejected() {
        TlsConfig c = EnginePair.client(KeyType.EC_P256)
                .credentials(EnginePair.pki().clientChain(KeyType.EC_P256).credentials()).build();
        TlsConfig s = EnginePair.server(KeyType.EC_P256).clientAuth(ClientAuth.REQUIRE).build();
        EnginePair p = new EnginePair(c, s);
        expect(AlertDescription.UNKNOWN_CA, p.server, p);
    }

    static X509Certificate parse(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(der));
    }

    @Test
    void deadConnectionRethrowsItsAlert() {
        EnginePair p = new EnginePair(client(), server(), Seam.NONE,
                Rewrite.of(HandshakeType.FINISHED, Rewrite::flipLastBit));
        TlsAlertException first = sentBy(p.client, p);
        TlsAlertException again = assertThrows(TlsAlertException.class, () -> p.client.feed(new byte[] {22}));
        assertEquals(first, again);
    }
}
