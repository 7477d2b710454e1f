package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.record.Record;
import tlsconf.impl.seam.Seam;
import tlsconf.model.vocabulary.AlertDescription;

/** Record layer rules of RFC 8446 §5, checked at a real engine. */
class RecordRulesTest {

    private static TlsEngine freshServer() {
        return TlsEngine.create(EnginePair.server(KeyType.EC_P256).build());
    }

    private static EnginePair connected() throws TlsAlertException {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).build(),
                EnginePair.server(KeyType.EC_P256).build());
        p.pump();
        return p;
    }

    private static byte[] record(int type, byte[] body) {
        byte[] r = new byte[5 + body.length];
        r[0] = (byte) type;
        r[1] = 3;
        r[2] = 3;
        r[3] = (byte) (body.length >>> 8);
        r[4] = (byte) body.length;
        System.arraycopy(body, 0, r, 5, body.length);
        return r;
    }

    private static void rejects(TlsEngine e, byte[] bytes, AlertDescription alert) {
        TlsAlertException ex = assertThrows(TlsAlertException.class, () -> e.feed(bytes));
        assertEquals(alert, ex.description(), ex.getMessage());
        assertTrue(ex.sentByUs());
        byte[] out = e.takeOutgoing();
        if (e.writeEpoch() == tlsconf.impl.record.Epoch.PLAINTEXT) {
            assertArrayEquals(new byte[] {21, 3, 3, 0, 2, 2, (byte) alert.code()}, out, "a plaintext alert goes out");
        } else {
            assertEquals(23, out[0], "a protected record goes out");
            assertEquals(5 + 2 + 1 + 16, out.length, "of an alert's size");
        }
    }

    @Test
    void plaintextOver16KiBIsRecordOverflow() {
        rejects(freshServer(), record(22, new byte[(1 << 14) + 1]), AlertDescription.RECORD_OVERFLOW);
    }

    @Test
    void ciphertextOver16KiBPlus256IsRecordOverflow() throws Exception {
        EnginePair p = connected();
        byte[] header = {23, 3, 3, (byte) (((1 << 14) + 257) >>> 8), (byte) ((1 << 14) + 257)};
        rejects(p.server, header, AlertDescription.RECORD_OVERFLOW);
    }

    @Test
    void unknownContentTypeIsUnexpectedMessage() {
        rejects(freshServer(), record(99, new byte[] {1}), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void zeroLengthHandshakeRecordIsUnexpectedMessage() {
        rejects(freshServer(), record(22, new byte[0]), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void changeCipherSpecBeforeClientHelloIsUnexpectedMessage() {
        rejects(freshServer(), record(20, new byte[] {1}), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void changeCipherSpecWithWrongByteIsUnexpectedMessage() throws Exception {
        TlsEngine client = TlsEngine.create(EnginePair.client(KeyType.EC_P256).build());
        client.takeOutgoing();
        rejects(client, record(20, new byte[] {2}), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void changeCipherSpecAfterTheHandshakeIsUnexpectedMessage() throws Exception {
        rejects(connected().server, record(20, new byte[] {1}), AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void protectedChangeCipherSpecIsUnexpectedMessage() throws Exception {
        EnginePair p = connected();
        p.client.sendRecord(20, new byte[] {1});
        TlsAlertException ex = assertThrows(TlsAlertException.class, () -> p.server.feed(p.client.takeOutgoing()));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, ex.description());
    }

    @Test
    void plaintextHandshakeAfterKeysIsUnexpectedMessage() throws Exception {
        EnginePair p = connected();
        p.client.sendPlaintextRecord(22, new byte[] {24, 0, 0, 1, 0});
        TlsAlertException ex = assertThrows(TlsAlertException.class, () -> p.server.feed(p.client.takeOutgoing()));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, ex.description());
    }

    @Test
    void tamperedCiphertextIsBadRecordMac() throws Exception {
        EnginePair p = connected();
        p.client.write(new byte[] {1, 2, 3});
        byte[] rec = p.client.takeOutgoing();
        rec[rec.length - 1] ^= 1;
        TlsAlertException ex = assertThrows(TlsAlertException.class, () -> p.server.feed(rec));
        assertEquals(AlertDescription.BAD_RECORD_MAC, ex.description());
    }

    @Test
    void malformedAlertIsDecodeError() throws Exception {
        EnginePair p = connected();
        p.client.sendRecord(21, new byte[] {2, 10, 0});
        TlsAlertException ex = assertThrows(TlsAlertException.class, () -> p.server.feed(p.client.takeOutgoing()));
        assertEquals(AlertDescription.DECODE_ERROR, ex.description());
    }

    @Test
    void receivedAlertIsReportedAsReceived() throws Exception {
        EnginePair p = connected();
        p.client.sendRecord(21, new byte[] {2, 42});
        TlsAlertException ex = assertThrows(TlsAlertException.class, () -> p.server.feed(p.client.takeOutgoing()));
        assertEquals("alert received: bad_certificate (42)", ex.getMessage());
        assertEquals(ex, p.server.failure());
    }

    @Test
    void interleavingAFragmentedHandshakeMessageIsUnexpectedMessage() throws Exception {
        EnginePair p = connected();
        p.client.sendRecord(22, new byte[] {24, 0, 0});
        p.client.sendRecord(23, new byte[] {'x'});
        TlsAlertException ex = assertThrows(TlsAlertException.class, () -> p.server.feed(p.client.takeOutgoing()));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, ex.description());
    }

    @Test
    void handshakeSplitIntoOneByteRecordsAndFedByteByByteCompletes() throws Exception {
        TlsEngine client = TlsEngine.create(EnginePair.client(KeyType.EC_P256).maxFragment(1).build());
        TlsEngine server = TlsEngine.create(EnginePair.server(KeyType.EC_P256).maxFragment(1).build());
        for (int round = 0; round < 10 && !(client.isHandshakeComplete() && server.isHandshakeComplete()); round++) {
            for (byte b : client.takeOutgoing()) {
                server.feed(new byte[] {b});
            }
            for (byte b : server.takeOutgoing()) {
                client.feed(new byte[] {b});
            }
        }
        assertTrue(client.isHandshakeComplete() && server.isHandshakeComplete());
    }

    @Test
    void seamObservesEveryIncomingRecordWithItsEpoch() throws Exception {
        List<String> seen = new ArrayList<>();
        Seam observer = new Seam() {
            @Override
            public void onIncomingRecord(Record r) {
                seen.add(r.type().get() + "/" + r.epoch());
            }
        };
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).middleboxCompat(true).build(),
                EnginePair.server(KeyType.EC_P256).build(), observer, Seam.NONE);
        p.pump();
        p.server.close();
        p.pump();
        assertEquals(List.of("HANDSHAKE/PLAINTEXT", "CHANGE_CIPHER_SPEC/PLAINTEXT", "HANDSHAKE/HANDSHAKE",
                "HANDSHAKE/APPLICATION", "ALERT/APPLICATION"), seen);
        assertArrayEquals(new byte[0], p.client.read());
        assertTrue(p.client.isPeerClosed());
    }
}
