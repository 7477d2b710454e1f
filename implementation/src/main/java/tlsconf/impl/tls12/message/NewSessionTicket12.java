package tlsconf.impl.tls12.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** NewSessionTicket in its RFC 5077 §3.3 form: ticket_lifetime_hint (uint32), {@code opaque ticket<0..2^16-1>}. */
public record NewSessionTicket12(long lifetimeHint, byte[] ticket) implements Tls12Message {
    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.u32(lifetimeHint).vector(2, ticket);
    }

    public static NewSessionTicket12 decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "NewSessionTicket");
        long hint = r.u32("ticket_lifetime_hint");
        byte[] ticket = r.vector(2, 0, 0xffff, "ticket");
        r.end();
        return new NewSessionTicket12(hint, ticket);
    }
}
