package tlsconf.conformance.check.family;

import java.util.List;
import tlsconf.conformance.scenario.LengthFields;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.PeerVerifier;
import tlsconf.impl.RandomSource;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The test peer's TLS 1.3 ClientHello as its engine writes it with the peer's settings, and its length fields
 * ({@link LengthFields}, RFC 8446 §4.1.2 and the extensions of §4.2), so a check can make each one lie by one byte in
 * each direction. Whether a changed body is still a well-formed ClientHello is asked of the implementation's own
 * server (its codec and its checks): a mutation that still decodes would test acceptance, not refusal.
 */
final class HelloLengths {
    private HelloLengths() {
    }

    /** The body (without the 4-byte handshake header) of the peer's TLS 1.3 ClientHello for {@code serverName}. */
    static byte[] peerClientHello(String serverName) {
        TlsConfig config = TlsConfig.builder(Role.CLIENT).versions(TlsVersion.TLS_1_3)
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).peerVerifier(PeerVerifier.acceptAny())
                .random(RandomSource.deterministic(0x68656c6cL)).serverName(serverName).build();
        byte[] record = TlsEngine.create(config).takeOutgoing();
        // One plaintext record (5-byte header) holding one handshake message (4-byte header).
        return java.util.Arrays.copyOfRange(record, 5 + 4, record.length);
    }

    /** The length fields of a ClientHello body, in wire order; throws when the body does not parse. */
    static List<LengthFields.Field> of(byte[] body) {
        return LengthFields.clientHello(body);
    }

    /**
     * Whether the reference server takes {@code body} as a ClientHello and answers it (a ServerHello), rather than
     * refusing it: then the bytes still decode, whatever length field was changed.
     */
    static boolean wellFormed(byte[] body) {
        TlsConfig config = TlsConfig.builder(Role.SERVER).versions(TlsVersion.TLS_1_3)
                .credentials(TestPki.shared().serverChain(KeyType.EC_P256).credentials()).build();
        TlsEngine server = TlsEngine.create(config);
        byte[] message = new byte[4 + body.length];
        message[0] = 1;
        message[1] = (byte) (body.length >>> 16);
        message[2] = (byte) (body.length >>> 8);
        message[3] = (byte) body.length;
        System.arraycopy(body, 0, message, 4, body.length);
        byte[] record = new byte[5 + message.length];
        record[0] = 22;
        record[1] = 3;
        record[2] = 1;
        record[3] = (byte) (message.length >>> 8);
        record[4] = (byte) message.length;
        System.arraycopy(message, 0, record, 5, message.length);
        try {
            server.feed(record);
            return server.failure() == null;
        } catch (TlsAlertException e) {
            return false;
        }
    }
}
