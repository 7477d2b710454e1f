package tlsconf.impl.tls12;

import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.tls12.message.Tls12Message;
import tlsconf.model.vocabulary.AlertDescription;

/**
 * What a TLS 1.2 handshake state may do to its connection: send messages (through the seam), the ChangeCipherSpec
 * that switches our write keys, install the read keys a received ChangeCipherSpec switches to, send a warning,
 * log the master secret and report completion. Implemented by {@link Tls12Engine}.
 */
public interface Tls12Context {
    TlsConfig config();

    Tls12Options options();

    /** Writes the message; returns its encoding as our state machine produced it (for handshake_messages). */
    byte[] send(Tls12Message message) throws TlsAlertException;

    /** ChangeCipherSpec, then every later record we write is protected by {@code write} (RFC 5246 §7.1). */
    void sendChangeCipherSpec(Tls12Protection write) throws TlsAlertException;

    /**
     * The peer's ChangeCipherSpec arrived: records after it are opened with {@code read}. A handshake message split
     * across it is {@code unexpected_message}.
     */
    void installReadProtection(Tls12Protection read) throws TlsAlertException;

    /** A warning-level alert (no_renegotiation); the connection stays up. */
    void sendWarning(AlertDescription description) throws TlsAlertException;

    /** NSS key log line {@code CLIENT_RANDOM <client_random> <master_secret>}, only if a key log is configured. */
    void logMasterSecret(byte[] clientRandom, byte[] masterSecret);

    void handshakeComplete(Tls12Negotiated negotiated);

    /** Hands the key exchange's secret to the seam (a test peer asks for it; nothing is logged or written). */
    default void exchangeSecret(tlsconf.impl.seam.ExchangeSecret secret) {
    }
}
