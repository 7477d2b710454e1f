package tlsconf.impl.handshake;

import tlsconf.impl.CipherSuite;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.crypto.KeySchedule;
import tlsconf.impl.message.KeyUpdate;
import tlsconf.impl.record.Epoch;

/**
 * The application traffic secrets after the handshake and the KeyUpdate protocol over them (RFC 8446 §4.6.3, §7.2).
 * Shared by both roles' connected state.
 */
final class TrafficPhase {
    private final HandshakeContext ctx;
    private final CipherSuite suite;
    private byte[] readSecret;
    private byte[] writeSecret;

    TrafficPhase(HandshakeContext ctx, CipherSuite suite, byte[] readSecret, byte[] writeSecret) {
        this.ctx = ctx;
        this.suite = suite;
        this.readSecret = readSecret;
        this.writeSecret = writeSecret;
    }

    /** The peer updated its keys: ours for reading follow; answer with our own update if it asked (§4.6.3). */
    void received(KeyUpdate update) throws TlsAlertException {
        readSecret = KeySchedule.nextTrafficSecret(suite.hash(), readSecret);
        ctx.installReadKeys(Epoch.APPLICATION, suite, readSecret);
        if (update.updateRequested()) {
            send(false);
        }
    }

    void send(boolean requestPeerUpdate) throws TlsAlertException {
        ctx.send(new KeyUpdate(requestPeerUpdate));
        writeSecret = KeySchedule.nextTrafficSecret(suite.hash(), writeSecret);
        ctx.installWriteKeys(Epoch.APPLICATION, suite, writeSecret);
    }
}
