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

/** record_size_limit (RFC 8449) in both roles. */
class RecordSizeLimitTest {

    /** Collects the inner plaintext size (content + type byte) of every protected record received. */
    static final class Sizes implements Seam {
        final List<Integer> sizes = new ArrayList<>();

        @Override
        public void onIncomingRecord(Record r) {
            if (r.isProtected()) {
                sizes.add(r.content().length + 1);
            }
        }
    }

    @Test
    void bothSidesStayWithinThePeersLimit() throws Exception {
        Sizes atClient = new Sizes();
        Sizes atServer = new Sizes();
        EnginePair p = new EnginePair(EnginePair.client(KeyType.RSA_2048).recordSizeLimit(64).build(),
                EnginePair.server(KeyType.RSA_2048).recordSizeLimit(100).build(), atClient, atServer);
        p.pump();
        byte[] big = new byte[5000];
        p.client.write(big);
        p.server.write(big);
        p.pump();
        assertArrayEquals(big, p.server.read());
        assertArrayEquals(big, p.client.read());
        assertTrue(atClient.sizes.size() > 80, "the server's certificate and data came in many small records");
        assertTrue(atClient.sizes.stream().allMatch(n -> n <= 64), "server respects the client's 64");
        assertTrue(atServer.sizes.stream().allMatch(n -> n <= 100), "client respects the server's 100");
    }

    @Test
    void serverAnswersEvenWithoutALimitOfItsOwn() throws Exception {
        Sizes atClient = new Sizes();
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).recordSizeLimit(64).build(),
                EnginePair.server(KeyType.EC_P256).build(), atClient, Seam.NONE);
        p.pump();
        assertTrue(atClient.sizes.stream().allMatch(n -> n <= 64));
    }

    @Test
    void recordOverTheAdvertisedLimitIsRecordOverflow() throws Exception {
        EnginePair p = new EnginePair(EnginePair.client(KeyType.EC_P256).recordSizeLimit(64).build(),
                EnginePair.server(KeyType.EC_P256).recordSizeLimit(64).build());
        p.pump();
        p.client.sendRecord(23, new byte[64]);
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> p.server.feed(p.client.takeOutgoing()));
        assertEquals(AlertDescription.RECORD_OVERFLOW, e.description());
    }
}
