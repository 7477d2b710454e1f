package tlsconf.conformance.peer;

import tlsconf.impl.InMemoryEngine;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.tls12.Tls12Engine;

/**
 * What the peer needs of a reference engine, so one {@link PeerPlay} drives both the TLS 1.3 engine and the TLS 1.2
 * engine of the implementation.
 */
interface PeerEngine extends InMemoryEngine {
    /** The keys the peer writes under now (what an injected record at {@code Protection.CURRENT} gets). */
    Epoch writeEpoch();

    static PeerEngine of(TlsEngine e) {
        return of(e, e::writeEpoch);
    }

    /** {@code protectedWrites} says whether our ChangeCipherSpec has switched the write side to the new keys. */
    static PeerEngine of(Tls12Engine e, java.util.function.BooleanSupplier protectedWrites) {
        return of(e, () -> protectedWrites.getAsBoolean() ? Epoch.APPLICATION : Epoch.PLAINTEXT);
    }

    private static PeerEngine of(InMemoryEngine e, java.util.function.Supplier<Epoch> writeEpoch) {
        return new PeerEngine() {
            @Override
            public void feed(byte[] data) throws TlsAlertException {
                e.feed(data);
            }

            @Override
            public byte[] takeOutgoing() {
                return e.takeOutgoing();
            }

            @Override
            public boolean isHandshakeComplete() {
                return e.isHandshakeComplete();
            }

            @Override
            public void write(byte[] data) throws TlsAlertException {
                e.write(data);
            }

            @Override
            public void sendRecord(int contentType, byte[] content) throws TlsAlertException {
                e.sendRecord(contentType, content);
            }

            @Override
            public void sendRaw(byte[] bytes) throws TlsAlertException {
                e.sendRaw(bytes);
            }

            @Override
            public TlsAlertException failure() {
                return e.failure();
            }

            @Override
            public String state() {
                return e.state();
            }

            @Override
            public Epoch writeEpoch() {
                return writeEpoch.get();
            }
        };
    }
}
