package tlsconf.impl.tls12;

import java.util.List;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.record.Record;
import tlsconf.impl.tls12.message.Tls12Message;

/**
 * The TLS 1.2 counterpart of {@link tlsconf.impl.seam.Seam}: a test peer sees each outgoing handshake message after
 * our transcript took it and returns the encodings to write instead (drop, repeat, replace, corrupt), and observes
 * each incoming record and handshake message. Records of any type go out through {@link Tls12Engine#sendRecord}.
 */
public interface Tls12Seam {
    Tls12Seam NONE = new Tls12Seam() {
    };

    default List<byte[]> onOutgoingHandshake(Tls12Message message, byte[] encoded) {
        return List.of(encoded);
    }

    /**
     * Our ChangeCipherSpec is about to go out: true sends it, false leaves it out (our write keys change either way,
     * so the peer sees protected records without a ChangeCipherSpec).
     */
    default boolean onOutgoingChangeCipherSpec() {
        return true;
    }

    default void onIncomingRecord(Record record) {
    }

    default void onIncomingHandshake(HandshakeFrame frame, String state) {
    }

    /** Test only: as {@link tlsconf.impl.seam.Seam#onExchangeSecret}, the premaster and master secret. */
    default void onExchangeSecret(tlsconf.impl.seam.ExchangeSecret secret) {
    }
}
