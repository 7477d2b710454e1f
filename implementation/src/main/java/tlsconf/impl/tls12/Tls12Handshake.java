package tlsconf.impl.tls12;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.message.HandshakeFrame;

/** One role's TLS 1.2 handshake driven by {@link Tls12Engine}: handshake messages and ChangeCipherSpec records in. */
public interface Tls12Handshake {
    /** Sends the first flight, if this role has one (the client's ClientHello). */
    void start() throws TlsAlertException;

    /** Handles one received handshake message in the current state. */
    void handle(HandshakeFrame frame) throws TlsAlertException;

    /** Handles a received ChangeCipherSpec (RFC 5246 §7.1); anywhere but before the peer's Finished it is fatal. */
    void changeCipherSpec() throws TlsAlertException;

    /** The name of the current state ({@code ExpectServerHello}, ..., {@code Connected}). */
    String state();
}
