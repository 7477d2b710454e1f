package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.Extensions;
import tlsconf.impl.message.KeyUpdate;
import tlsconf.impl.message.ext.CodeLists;
import tlsconf.impl.seam.Seam;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;

/** What our server demands of a ClientHello (RFC 8446 §4.1.2, §4.2, §9.2), and a few client-side extension rules. */
class ClientHelloRulesTest {

    private static AlertDescription serverAlertFor(UnaryOperator<ClientHello> edit) {
        return serverAlertFor(EnginePair.server(KeyType.EC_P256).build(), EnginePair.client(KeyType.EC_P256).build(),
                edit);
    }

    private static AlertDescription serverAlertFor(TlsConfig server, TlsConfig client, UnaryOperator<ClientHello> edit) {
        EnginePair p = new EnginePair(client, server, Rewrite.of(HandshakeType.CLIENT_HELLO,
                b -> List.of(edit.apply(Msgs.clientHello(b)).encode())), Seam.NONE);
        p.pumpThroughFailure();
        TlsAlertException e = p.server.failure();
        assertNotNull(e, "the server must reject");
        assertTrue(e.sentByUs());
        return e.description();
    }

    private static ClientHello withExtensions(ClientHello ch, List<Extension> ext) {
        return new ClientHello(ch.legacyVersion(), ch.random(), ch.legacySessionId(), ch.cipherSuites(),
                ch.compressionMethods(), new Extensions(ext));
    }

    private static UnaryOperator<ClientHello> without(ExtensionType type) {
        return ch -> withExtensions(ch, ch.extensions().without(type).list());
    }

    @Test
    void noSupportedVersionsIsProtocolVersion() {
        assertEquals(AlertDescription.PROTOCOL_VERSION, serverAlertFor(without(ExtensionType.SUPPORTED_VERSIONS)));
    }

    @Test
    void onlyTls12InSupportedVersionsIsProtocolVersion() {
        assertEquals(AlertDescription.PROTOCOL_VERSION, serverAlertFor(ch -> {
            List<Extension> ext = new ArrayList<>(ch.extensions().without(ExtensionType.SUPPORTED_VERSIONS).list());
            ext.add(new Extension(ExtensionType.SUPPORTED_VERSIONS, CodeLists.encodeVersions(List.of(0x0303))));
            return withExtensions(ch, ext);
        }));
    }

    @Test
    void compressionOtherThanNullIsIllegalParameter() {
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, serverAlertFor(ch -> new ClientHello(ch.legacyVersion(),
                ch.random(), ch.legacySessionId(), ch.cipherSuites(), new byte[] {1, 0}, ch.extensions())));
    }

    @Test
    void noCommonCipherSuiteIsHandshakeFailure() {
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, serverAlertFor(ch -> new ClientHello(ch.legacyVersion(),
                ch.random(), ch.legacySessionId(), List.of(0xc02f, 0x009c), ch.compressionMethods(),
                ch.extensions())));
    }

    @Test
    void missingSignatureAlgorithmsIsMissingExtension() {
        assertEquals(AlertDescription.MISSING_EXTENSION,
                serverAlertFor(without(ExtensionType.SIGNATURE_ALGORITHMS)));
    }

    @Test
    void keyShareWithoutSupportedGroupsIsMissingExtension() {
        assertEquals(AlertDescription.MISSING_EXTENSION, serverAlertFor(without(ExtensionType.SUPPORTED_GROUPS)));
    }

    @Test
    void preSharedKeyNotLastIsIllegalParameter() {
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, serverAlertFor(ch -> {
            List<Extension> ext = new ArrayList<>(ch.extensions().list());
            ext.add(0, new Extension(ExtensionType.PRE_SHARED_KEY, new byte[] {0, 7, 0, 1, 1, 0, 0, 0, 0}));
            return withExtensions(ch, ext);
        }));
    }

    @Test
    void wrongPskBinderIsDecryptError() throws Exception {
        SessionStore store = SessionStore.inMemory();
        TlsConfig server = EnginePair.server(KeyType.EC_P256).build();
        TlsConfig client = EnginePair.client(KeyType.EC_P256).sessionStore(store).build();
        new EnginePair(client, server).pump();
        EnginePair p = new EnginePair(client, server, Rewrite.of(HandshakeType.CLIENT_HELLO, Rewrite::flipLastBit),
                Seam.NONE);
        p.pumpThroughFailure();
        assertEquals(AlertDescription.DECRYPT_ERROR, p.server.failure().description());
    }

    @Test
    void secondClientHelloWithoutTheCookieIsIllegalParameter() {
        TlsConfig server = EnginePair.server(KeyType.EC_P256).forceHelloRetryRequest(true).build();
        TlsConfig client = EnginePair.client(KeyType.EC_P256).build();
        int[] count = {0};
        Seam dropCookieFromSecond = new Seam() {
            @Override
            public List<byte[]> onOutgoingHandshake(tlsconf.impl.message.HandshakeMessage m, byte[] encoded,
                    tlsconf.impl.record.Epoch epoch) {
                if (m instanceof ClientHello ch && count[0]++ == 1) {
                    return List.of(withExtensions(ch, ch.extensions().without(ExtensionType.COOKIE).list()).encode());
                }
                return List.of(encoded);
            }
        };
        EnginePair p = new EnginePair(client, server, dropCookieFromSecond, Seam.NONE);
        p.pumpThroughFailure();
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, p.server.failure().description());
    }

    @Test
    void unsolicitedExtensionInEncryptedExtensionsIsUnsupportedExtension() {
        TlsConfig server = EnginePair.server(KeyType.EC_P256)
                .encryptedExtensions(ours -> List.of(new Extension(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION,
                        new byte[] {0, 3, 2, 'h', '2'}))).build();
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).build(), server);
        p.pumpThroughFailure();
        assertEquals(AlertDescription.UNSUPPORTED_EXTENSION, p.client.failure().description());
    }

    @Test
    void keyShareInEncryptedExtensionsIsIllegalParameter() {
        TlsConfig server = EnginePair.server(KeyType.EC_P256)
                .encryptedExtensions(ours -> List.of(new Extension(ExtensionType.KEY_SHARE, new byte[] {0, 0x1d})))
                .build();
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).build(), server);
        p.pumpThroughFailure();
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, p.client.failure().description());
    }

    @Test
    void unknownClientHelloExtensionsAreIgnored() throws Exception {
        TlsConfig client = EnginePair.client(KeyType.EC_P256).clientHelloExtensions(ours -> {
            List<Extension> ext = new ArrayList<>(ours);
            ext.add(0, new Extension(0x0a0a, new byte[0]));
            ext.add(new Extension(0xfe0d, new byte[] {1, 2, 3}));
            return ext;
        }).build();
        EnginePair p = new EnginePair(client, EnginePair.server(KeyType.EC_P256).build());
        p.pump();
        assertTrue(p.client.isHandshakeComplete());
    }

    @Test
    void keyUpdateWithBadRequestValueIsIllegalParameter() throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).build(),
                EnginePair.server(KeyType.EC_P256).build());
        p.pump();
        byte[] ku = new KeyUpdate(false).encode();
        ku[4] = 2;
        p.client.sendRecord(22, ku);
        p.pumpThroughFailure();
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, p.server.failure().description());
    }
}
