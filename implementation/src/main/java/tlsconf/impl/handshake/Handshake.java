package tlsconf.impl.handshake;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.message.HandshakeFrame;

/** One role's TLS 1.3 handshake driven by the engine: a state machine fed complete handshake messages. */
public interface Handshake {
    /** Sends the first flight, if this role has one (the client's ClientHello). */
    void start() throws TlsAlertException;

    /** Handles one received message in the current state and moves to the next state. */
    void handle(HandshakeFrame frame) throws TlsAlertException;

    /** The name of the current state ({@code ExpectServerHello}, ..., {@code Connected}). */
    String state();

    /**
     * Whether a change_cipher_spec record may arrive now: after the first ClientHello and before the peer's
     * Finished (RFC 8446 §5).
     */
    boolean changeCipherSpecAllowed();

    /** Sends a KeyUpdate and switches our write keys (RFC 8446 §4.6.3); only once connected. */
    void keyUpdate(boolean requestPeerUpdate) throws TlsAlertException;
}
