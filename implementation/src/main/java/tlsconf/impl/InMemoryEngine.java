package tlsconf.impl;

import tlsconf.impl.alert.TlsAlertException;

/**
 * What the TLS 1.3 engine ({@link TlsEngine}) and the TLS 1.2 engine ({@link tlsconf.impl.tls12.Tls12Engine}) both
 * offer to code that drives them memory to memory: bytes in, bytes out, and the raw record hooks test peers use.
 */
public interface InMemoryEngine {
    void feed(byte[] data) throws TlsAlertException;

    byte[] takeOutgoing();

    boolean isHandshakeComplete();

    /** Application data, under the current write keys. */
    void write(byte[] data) throws TlsAlertException;

    /** One record under the current write keys (plaintext before there are any). */
    void sendRecord(int contentType, byte[] content) throws TlsAlertException;

    /** Bytes straight onto the wire after everything queued. */
    void sendRaw(byte[] bytes) throws TlsAlertException;

    /** The fatal alert that ended the connection, or null. */
    TlsAlertException failure();

    /** The name of the current handshake state, for messages and traces. */
    String state();
}
