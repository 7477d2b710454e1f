package tlsconf.conformance.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.verdict.Observation;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.Hkdf;
import tlsconf.impl.record.RecordProtection;
import tlsconf.impl.seam.ExchangeSecret;
import tlsconf.impl.tls12.KeyBlock;
import tlsconf.impl.tls12.Prf;
import tlsconf.impl.tls12.Tls12CipherSuite;
import tlsconf.impl.tls12.Tls12Protection;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * An alert the target protected under keys of the transcript it saw, not ours: sealed here with the implementation's
 * own record protection under keys derived (RFC 8446 §7.1; RFC 5246 §6.3, RFC 7627 §4) from a transcript the peer's
 * engine never had (a repeated ServerHello; a ServerHello with an extra byte), and read back by the peer's
 * {@link TargetKeys} through {@link SealedAlerts} as the alert it is.
 */
class TargetKeysTest {
    private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;

    /** A handshake message of {@code type}: version 0x0303, a 32-byte random of {@code fill}, {@code extra} bytes. */
    private static byte[] hello(HandshakeType type, int fill, int extra) {
        byte[] body = new byte[2 + 32 + extra];
        body[0] = 3;
        body[1] = 3;
        Arrays.fill(body, 2, 34, (byte) fill);
        return Records.handshake(type.code(), body, 0);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void aTls13AlertUnderHandshakeKeysOfARepeatedServerHelloIsRead() throws Exception {
        byte[] ch = hello(HandshakeType.CLIENT_HELLO, 1, 10);
        byte[] sh = hello(HandshakeType.SERVER_HELLO, 2, 6);
        byte[] handshakeSecret = filled(32, 9);
        // The target hashed the ServerHello twice; the peer's engine once.
        byte[] theirs = Hkdf.deriveSecret(SHA256, handshakeSecret, "c hs traffic", SHA256.hash(concat(ch, sh, sh)));
        RecordProtection p = RecordProtection.fromSecret(CipherSuite.TLS_AES_128_GCM_SHA256, theirs);
        byte[] alert = {2, (byte) AlertDescription.UNEXPECTED_MESSAGE.code()};
        byte[] record = p.protect(21, alert, 0, 2, 16);

        PeerSecrets secrets = new PeerSecrets();
        List<String> trace = new ArrayList<>();
        assertNull(SealedAlerts.read(record, false, TlsVersion.TLS_1_3, HandshakeType.SERVER_HELLO, secrets, trace,
                () -> false), "without the exchange secret the record is nothing the peer can read");
        secrets.exchange(new ExchangeSecret.Tls13(CipherSuite.TLS_AES_128_GCM_SHA256, null, handshakeSecret));
        secrets.wire().sent(ch);
        secrets.wire().received(sh);
        secrets.wire().received(sh);
        Observation o = SealedAlerts.read(record, false, TlsVersion.TLS_1_3, HandshakeType.SERVER_HELLO, secrets,
                trace, () -> false);
        Observation.Alert a = assertInstanceOf(Observation.Alert.class, o, String.join("\n", trace));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, a.description());
        assertTrue(trace.get(trace.size() - 1).contains("ServerHello, ServerHello"), trace.toString());
    }

    @Test
    void aTls13HandshakeRecordUnderTheTargetsKeysIsNoAlertEvenWhenTheTargetClosesAfterIt() throws Exception {
        byte[] ch = hello(HandshakeType.CLIENT_HELLO, 1, 10);
        byte[] sh = hello(HandshakeType.SERVER_HELLO, 2, 6);
        byte[] handshakeSecret = filled(32, 9);
        byte[] theirs = Hkdf.deriveSecret(SHA256, handshakeSecret, "s hs traffic", SHA256.hash(concat(ch, sh, sh)));
        RecordProtection p = RecordProtection.fromSecret(CipherSuite.TLS_AES_128_GCM_SHA256, theirs);
        // An empty EncryptedExtensions: 4 bytes + 1 of type + 16 of tag, the size range of an alert.
        byte[] record = p.protect(22, new byte[] {8, 0, 0, 0}, 0, 4, 0);

        PeerSecrets secrets = new PeerSecrets();
        secrets.exchange(new ExchangeSecret.Tls13(CipherSuite.TLS_AES_128_GCM_SHA256, null, handshakeSecret));
        secrets.wire().sent(ch);
        secrets.wire().received(sh);
        secrets.wire().received(sh);
        assertNotNull(secrets.wire().open(record));
        assertNull(SealedAlerts.read(record, true, TlsVersion.TLS_1_3, HandshakeType.SERVER_HELLO, secrets,
                new ArrayList<>(), () -> true), "it opens as the target's handshake message: it went on");
    }

    @Test
    void afterAHelloRetryRequestTheFirstClientHelloIsHashedAsMessageHash() throws Exception {
        byte[] ch1 = hello(HandshakeType.CLIENT_HELLO, 1, 10);
        byte[] hrr = Records.handshake(HandshakeType.SERVER_HELLO.code(),
                concat(new byte[] {3, 3}, tlsconf.impl.message.ServerHello.HRR_RANDOM, new byte[4]), 0);
        byte[] ch2 = hello(HandshakeType.CLIENT_HELLO, 3, 12);
        byte[] sh = hello(HandshakeType.SERVER_HELLO, 2, 6);
        byte[] handshakeSecret = filled(32, 9);
        // RFC 8446 §4.4.1: ClientHello1 is replaced by message_hash (254, 00 00 Hash.length, Hash(ClientHello1)).
        byte[] messageHash = concat(new byte[] {(byte) 254, 0, 0, 32}, SHA256.hash(ch1));
        byte[] theirs = Hkdf.deriveSecret(SHA256, handshakeSecret, "s hs traffic",
                SHA256.hash(concat(messageHash, hrr, ch2, sh)));
        RecordProtection p = RecordProtection.fromSecret(CipherSuite.TLS_AES_128_GCM_SHA256, theirs);
        byte[] alert = {2, (byte) AlertDescription.DECODE_ERROR.code()};
        byte[] record = p.protect(21, alert, 0, 2, 0);

        PeerSecrets secrets = new PeerSecrets();
        secrets.exchange(new ExchangeSecret.Tls13(CipherSuite.TLS_AES_128_GCM_SHA256, null, handshakeSecret));
        secrets.wire().sent(ch1);
        secrets.wire().received(hrr);
        secrets.wire().sent(ch2);
        secrets.wire().received(sh);
        TargetKeys.Opened opened = secrets.wire().open(record);
        assertNotNull(opened, "the transcript after a HelloRetryRequest starts with message_hash");
        assertArrayEquals(alert, opened.content());
        assertTrue(opened.how().contains("message_hash"), opened.how());
    }

    @Test
    void aTls12HelloRequestStaysOutOfTheSessionHash() throws Exception {
        Tls12CipherSuite suite = Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        byte[] ch = hello(HandshakeType.CLIENT_HELLO, 1, 10);
        byte[] sh = hello(HandshakeType.SERVER_HELLO, 2, 6);
        byte[] helloRequest = Records.handshake(HandshakeType.HELLO_REQUEST.code(), new byte[0], 0);
        byte[] cke = Records.handshake(HandshakeType.CLIENT_KEY_EXCHANGE.code(), filled(33, 4), 0);
        byte[] premaster = filled(32, 5);
        // RFC 5246 §7.4.1.1: a HelloRequest is not included in the message hashes (RFC 7627 §3: nor the session hash).
        byte[] master = Prf.extendedMasterSecret(SHA256, premaster, SHA256.hash(concat(ch, sh, cke)));
        Tls12Protection p = KeyBlock.derive(suite, master, filled(32, 1), filled(32, 2)).serverWrite(suite);
        byte[] alert = {2, (byte) AlertDescription.HANDSHAKE_FAILURE.code()};
        byte[] record = Records.plaintext(21, p.protect(21, alert, 0, 2));

        PeerSecrets secrets = new PeerSecrets();
        secrets.exchange(new ExchangeSecret.Tls12(suite, premaster, filled(48, 0), true));
        secrets.wire().sent(ch);
        secrets.wire().received(helloRequest);
        secrets.wire().received(sh);
        secrets.wire().sent(cke);
        TargetKeys.Opened opened = secrets.wire().open(record);
        assertNotNull(opened, "the session hash over ClientHello, ServerHello, ClientKeyExchange");
        assertArrayEquals(alert, opened.content());
    }

    @Test
    void aTls12AlertUnderTheExtendedMasterSecretOfAChangedServerHelloIsRead() throws Exception {
        Tls12CipherSuite suite = Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        byte[] ch = hello(HandshakeType.CLIENT_HELLO, 1, 10);
        byte[] ours = hello(HandshakeType.SERVER_HELLO, 2, 6);
        byte[] onWire = hello(HandshakeType.SERVER_HELLO, 2, 7);
        byte[] cke = Records.handshake(HandshakeType.CLIENT_KEY_EXCHANGE.code(), filled(33, 4), 0);
        byte[] premaster = filled(32, 5);
        byte[] ourMaster = Prf.extendedMasterSecret(SHA256, premaster, SHA256.hash(concat(ch, ours, cke)));
        byte[] theirMaster = Prf.extendedMasterSecret(SHA256, premaster, SHA256.hash(concat(ch, onWire, cke)));
        KeyBlock keys = KeyBlock.derive(suite, theirMaster, filled(32, 1), filled(32, 2));
        Tls12Protection p = keys.clientWrite(suite);
        p.protect(22, new byte[16], 0, 16);
        byte[] alert = {2, (byte) AlertDescription.BAD_RECORD_MAC.code()};
        byte[] record = Records.plaintext(21, p.protect(21, alert, 0, 2));

        PeerSecrets secrets = new PeerSecrets();
        secrets.exchange(new ExchangeSecret.Tls12(suite, premaster, ourMaster, true));
        secrets.wire().sent(ch);
        secrets.wire().received(onWire);
        secrets.wire().sent(cke);
        TargetKeys.Opened opened = secrets.wire().open(record);
        assertNotNull(opened);
        assertArrayEquals(alert, opened.content());
        assertTrue(opened.how().contains("client write key") && opened.how().contains("record 1"), opened.how());
        List<String> trace = new ArrayList<>();
        Observation.Alert a = assertInstanceOf(Observation.Alert.class, SealedAlerts.read(record, true,
                TlsVersion.TLS_1_2, HandshakeType.SERVER_HELLO, secrets, trace, () -> false));
        assertEquals(AlertDescription.BAD_RECORD_MAC, a.description());

        PeerSecrets other = new PeerSecrets();
        other.exchange(new ExchangeSecret.Tls12(suite, filled(32, 6), ourMaster, true));
        other.wire().sent(ch);
        other.wire().received(onWire);
        other.wire().sent(cke);
        assertInstanceOf(Observation.EncryptedAlert.class, SealedAlerts.read(record, true, TlsVersion.TLS_1_2,
                HandshakeType.SERVER_HELLO, other, new ArrayList<>(), () -> false),
                "another premaster opens nothing: still an alert of unknown description");
    }
}
