package tlsconf.model;

/**
 * A state of one of the four handshake machines. Each machine's states are an enum implementing this interface
 * ({@link tlsconf.model.tls13.Tls13ClientState}, ...), so a state is a type, never a number.
 */
public interface State {

    /** The name as RFC 8446 Appendix A spells it (WAIT_CERT_CR) or, for a state of our own, our name. */
    String name();

    /** Whether the RFC names this state (RFC 8446 Appendix A); the other states split an RFC arrow in two. */
    boolean fromRfc();

    /** What the side is doing or waiting for in this state, one line. */
    String description();
}
