package tlsconf.impl.message;

import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.model.vocabulary.HandshakeType;

/** NewSessionTicket (RFC 8446 §4.6.1). */
public record NewSessionTicket(long lifetime, long ageAdd, byte[] nonce, byte[] ticket, Extensions extensions)
        implements HandshakeMessage {
    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void writeBody(TlsWriter w) {
        w.u32(lifetime).u32(ageAdd).vector(1, nonce).vector(2, ticket);
        extensions.write(w);
    }

    public static NewSessionTicket decode(byte[] body) throws TlsAlertException {
        TlsReader r = new TlsReader(body, "NewSessionTicket");
        long lifetime = r.u32("ticket_lifetime");
        long ageAdd = r.u32("ticket_age_add");
        byte[] nonce = r.vector(1, 0, 255, "ticket_nonce");
        byte[] ticket = r.vector(2, 1, 0xffff, "ticket");
        Extensions ext = Extensions.read(r, "NewSessionTicket");
        r.end();
        return new NewSessionTicket(lifetime, ageAdd, nonce, ticket, ext);
    }
}
