package tlsconf.impl.seam;

import java.util.List;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.message.HandshakeMessage;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.record.Record;

/**
 * The thin seam a test peer drives the real implementation through (issue 3 "Shape"): it sees every handshake
 * message just before it is written and may replace, drop, repeat, hold back (reorder) or corrupt its encoded
 * bytes; it observes every incoming record and every complete incoming handshake message. Sending arbitrary
 * records is on {@link tlsconf.impl.TlsEngine} ({@code sendRecord}, {@code sendPlaintextRecord}, {@code sendRaw}).
 *
 * <p>Our own transcript always holds the message as the state machine produced it: the seam changes what the peer
 * sees, not what we believe we sent. Bytes returned by the hook are written under the write keys current at that
 * moment.
 */
public interface Seam {
    /** No interception: the plain implementation. */
    Seam NONE = new Seam() {
    };

    /**
     * Called for each outgoing handshake message. Returns the encoded messages to write in its place, in order:
     * {@code List.of(encoded)} to pass it on, an empty list to drop (or hold back for later), several to repeat or
     * release held ones.
     */
    default List<byte[]> onOutgoingHandshake(HandshakeMessage message, byte[] encoded, Epoch writeEpoch) {
        return List.of(encoded);
    }

    /** Each incoming record after deprotection, before it is processed. */
    default void onIncomingRecord(Record record) {
    }

    /** The transport ended (TlsSocket read end of stream): the "close" event of a peer that just hangs up. */
    default void onTransportClosed() {
    }

    /** Each complete incoming handshake message, before the current state handles it. */
    default void onIncomingHandshake(HandshakeFrame frame, Epoch epoch, String state) {
    }

    /**
     * Test only: the key exchange's secret, once derived (TLS 1.3: at the ServerHello; TLS 1.2: at the
     * ClientKeyExchange). A test peer keeps it in memory to open records the other side protected under keys of a
     * transcript other than ours; the default ignores it. Never logged or written by the engine.
     */
    default void onExchangeSecret(ExchangeSecret secret) {
    }
}
