package tlsconf.impl.tls12;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.message.HandshakeFrame;

/** One role's TLS 1.2 handshake driven by {@link Tls12Engine}: handshake messages and ChangeCipherSpec records in. */
public interface Tls12Handshake {
    /** Sends the first flight, if this role has one (the client's ClientHello). */
    void start() throws TlsAlertException;

    /** Handles one received handshake message in the current state. */
    void handle(HandshakeFrame frame) throws TlsAlertException;

    /**
     * The start of a handshake message is buffered but its body is not complete: {@code type} is its type byte,
     * {@code length} the body length its header announces (-1 while the header is incomplete). A state in which no
     * such message can come refuses it now instead of waiting for a body that may never arrive (a Finished sealed
     * under keys we do not read yet, taken for plaintext, announces whatever length its bytes say).
     */
    default void partialMessage(int type, int length) throws TlsAlertException {
    }

    /** Handles a received ChangeCipherSpec (RFC 5246 §7.1); anywhere but before the peer's Finished it is fatal. */
    void changeCipherSpec() throws TlsAlertException;

    /** The name of the current state ({@code ExpectServerHello}, ..., {@code Connected}). */
    String state();
}
