package tlsconf.impl.handshake;

import tlsconf.impl.CipherSuite;
import tlsconf.impl.Negotiated;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.crypto.Transcript;
import tlsconf.impl.message.HandshakeMessage;
import tlsconf.impl.record.Epoch;

/**
 * What a handshake state may do to its connection: send messages (they enter the transcript and pass the seam),
 * change keys (only at record boundaries), log secrets, and report completion. Implemented by the engine.
 */
public interface HandshakeContext {
    TlsConfig config();

    Transcript transcript();

    /** Adds the message to the transcript, then hands its bytes to the seam and the record layer. */
    void send(HandshakeMessage message) throws TlsAlertException;

    /** The middlebox-compatibility change_cipher_spec record (RFC 8446 §D.4). */
    void sendChangeCipherSpec() throws TlsAlertException;

    /** New read keys; {@code unexpected_message} when a handshake message is split across the change (§5.1). */
    void installReadKeys(Epoch epoch, CipherSuite suite, byte[] secret) throws TlsAlertException;

    void installWriteKeys(Epoch epoch, CipherSuite suite, byte[] secret) throws TlsAlertException;

    /** Client: writes 0-RTT application data under the current (early) write keys. */
    void sendEarlyData(byte[] data) throws TlsAlertException;

    /** Client after a HelloRetryRequest that cancels 0-RTT: back to plaintext for the second ClientHello. */
    void plaintextWrites() throws TlsAlertException;

    /** Server accepting 0-RTT: early application data is delivered, up to this many bytes (§4.2.10). */
    void acceptEarlyData(long maxBytes);

    /** Server declining offered 0-RTT: skip early data records it cannot open (RFC 8446 §4.2.10). */
    void skipEarlyData(int maxBytes);

    /** record_size_limit negotiated (RFC 8449): the peer's applies to what we send, ours to what we receive. */
    void recordSizeLimits(int peerLimit, int ownLimit);

    /** The ClientHello.random that labels key log lines. */
    void clientRandom(byte[] random);

    /** Writes a key log line if a key log is configured (NSS SSLKEYLOGFILE labels). */
    void keyLog(String label, byte[] secret);

    void handshakeComplete(Negotiated negotiated);

    /** Hands the key exchange's secret to the seam (a test peer asks for it; nothing is logged or written). */
    default void exchangeSecret(tlsconf.impl.seam.ExchangeSecret secret) {
    }
}
