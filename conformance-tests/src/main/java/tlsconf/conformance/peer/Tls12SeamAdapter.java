package tlsconf.conformance.peer;

import java.util.List;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.record.Record;
import tlsconf.impl.tls12.Tls12Seam;
import tlsconf.impl.tls12.message.Tls12Message;

/** Routes the TLS 1.2 engine's seam to the same {@link PeerPlay} that drives the TLS 1.3 engine. */
final class Tls12SeamAdapter implements Tls12Seam {
    private final PeerPlay play;
    /** The keys of the target's last record: its handshake messages are reported under them (trace only). */
    private Epoch incomingEpoch = Epoch.PLAINTEXT;

    Tls12SeamAdapter(PeerPlay play) {
        this.play = play;
    }

    @Override
    public List<byte[]> onOutgoingHandshake(Tls12Message message, byte[] encoded) {
        return play.outgoing(message.type(), encoded,
                play.changeCipherSpecSent() ? Epoch.APPLICATION : Epoch.PLAINTEXT);
    }

    @Override
    public boolean onOutgoingChangeCipherSpec() {
        return play.outgoingChangeCipherSpec();
    }

    @Override
    public void onIncomingRecord(Record record) {
        incomingEpoch = record.epoch();
        play.onIncomingRecord(record);
    }

    @Override
    public void onIncomingHandshake(HandshakeFrame frame, String state) {
        play.onIncomingHandshake(frame, incomingEpoch, state);
    }

    @Override
    public void onExchangeSecret(tlsconf.impl.seam.ExchangeSecret secret) {
        play.onExchangeSecret(secret);
    }
}
