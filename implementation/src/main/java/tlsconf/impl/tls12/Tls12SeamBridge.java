package tlsconf.impl.tls12;

import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.record.Record;
import tlsconf.impl.seam.Seam;

/**
 * For an engine that serves both versions: a TLS 1.3 {@link Seam} that is not also a {@link Tls12Seam} still observes
 * the TLS 1.2 connection's incoming records and handshake messages; outgoing TLS 1.2 messages pass unchanged (a test
 * peer that wants to change them implements {@link Tls12Seam} as well).
 */
public final class Tls12SeamBridge {
    private Tls12SeamBridge() {
    }

    public static Tls12Seam of(Seam seam) {
        if (seam instanceof Tls12Seam t) {
            return t;
        }
        return new Tls12Seam() {
            @Override
            public void onIncomingRecord(Record record) {
                seam.onIncomingRecord(record);
            }

            @Override
            public void onIncomingHandshake(HandshakeFrame frame, String state) {
                seam.onIncomingHandshake(frame, Epoch.PLAINTEXT, state);
            }

            @Override
            public void onExchangeSecret(tlsconf.impl.seam.ExchangeSecret secret) {
                seam.onExchangeSecret(secret);
            }
        };
    }
}
