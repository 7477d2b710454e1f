package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.record.Record;
import tlsconf.impl.seam.Seam;

/** 0-RTT (RFC 8446 §2.3, §4.2.10): accepted, declined, and cancelled by a HelloRetryRequest. */
class EarlyDataTest {
    private static final byte[] EARLY = "early bird".getBytes(StandardCharsets.US_ASCII);

    private static TlsConfig client(SessionStore store, boolean compat) {
        return EnginePair.client(KeyType.EC_P256).sessionStore(store).earlyData(EARLY).middleboxCompat(compat)
                .build();
    }

    @Test
    void acceptedEarlyDataArrivesBeforeTheHandshakeCompletes() throws Exception {
        for (boolean compat : new boolean[] {false, true}) {
            SessionStore store = SessionStore.inMemory();
            TlsConfig server = EnginePair.server(KeyType.EC_P256).maxEarlyData(1000).build();
            new EnginePair(client(store, compat), server).pump();
            List<Epoch> epochs = new ArrayList<>();
            Seam watch = new Seam() {
                @Override
                public void onIncomingRecord(Record r) {
                    epochs.add(r.epoch());
                }
            };
            EnginePair p = new EnginePair(client(store, compat), server, Seam.NONE, watch);
            p.pump();
            assertTrue(p.client.negotiated().earlyDataAccepted());
            assertTrue(p.server.negotiated().earlyDataAccepted());
            assertTrue(p.server.negotiated().resumed());
            assertArrayEquals(EARLY, p.server.read());
            assertTrue(epochs.contains(Epoch.EARLY_DATA), "0-RTT records under the early keys: " + epochs);
            p.client.write(new byte[] {1});
            p.pump();
            assertArrayEquals(new byte[] {1}, p.server.read());
        }
    }

    @Test
    void declinedEarlyDataIsSkipped() throws Exception {
        SessionStore store = SessionStore.inMemory();
        // Same seed, same ticket key: the second server resumes the ticket but declines 0-RTT.
        TlsConfig accepting = EnginePair.server(KeyType.EC_P256).maxEarlyData(1000)
                .random(RandomSource.deterministic(9)).build();
        TlsConfig declining = EnginePair.server(KeyType.EC_P256).random(RandomSource.deterministic(9)).build();
        new EnginePair(client(store, false), accepting).pump();
        EnginePair p = new EnginePair(client(store, false), declining);
        p.pump();
        assertTrue(p.server.negotiated().resumed());
        assertFalse(p.client.negotiated().earlyDataAccepted());
        assertFalse(p.server.negotiated().earlyDataAccepted());
        assertEquals(0, p.server.available());
    }

    @Test
    void helloRetryRequestCancelsEarlyData() throws Exception {
        SessionStore store = SessionStore.inMemory();
        TlsConfig plain = EnginePair.server(KeyType.EC_P256).maxEarlyData(1000)
                .random(RandomSource.deterministic(11)).build();
        TlsConfig retrying = EnginePair.server(KeyType.EC_P256).maxEarlyData(1000).forceHelloRetryRequest(true)
                .random(RandomSource.deterministic(11)).build();
        new EnginePair(client(store, true), plain).pump();
        EnginePair p = new EnginePair(client(store, true), retrying);
        p.pump();
        assertTrue(p.client.negotiated().helloRetryRequest());
        assertTrue(p.client.negotiated().resumed());
        assertFalse(p.server.negotiated().earlyDataAccepted());
        assertEquals(0, p.server.available());
    }
}
