package tlsconf.impl.tls12;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tlsconf.impl.RandomSource;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.impl.crypto.TicketAead;

/**
 * The server's RFC 5077 tickets: suite, extended-master-secret flag and master secret sealed with AES-256-GCM under
 * the server's ticket key (RFC 5077 §4 recommends such a construction; the format is ours). The peer chain is not
 * kept: a resumed session reports no peer certificates on the server side.
 */
final class TicketSealer {
    private static final byte[] AAD = "tlsconf tls12 ticket v1".getBytes(StandardCharsets.US_ASCII);

    private TicketSealer() {
    }

    static byte[] seal(byte[] ticketKey, Tls12Session s, RandomSource random) {
        byte[] plain = new TlsWriter().u16(s.suite().code()).u8(s.extendedMasterSecret() ? 1 : 0)
                .vector(1, s.masterSecret()).toByteArray();
        return TicketAead.seal(ticketKey, AAD, plain, random);
    }

    /** The session inside a ticket, or empty for anything that is not one of ours (never an exception). */
    static Optional<Tls12Session> open(byte[] ticketKey, byte[] ticket, byte[] sessionId) {
        return TicketAead.open(ticketKey, AAD, ticket).flatMap(plain -> decode(plain, ticket, sessionId));
    }

    private static Optional<Tls12Session> decode(byte[] plain, byte[] ticket, byte[] sessionId) {
        try {
            TlsReader r = new TlsReader(plain, "ticket");
            int suite = r.u16("suite");
            int ems = r.u8("ems");
            byte[] master = r.vector(1, 48, 48, "master_secret");
            r.end();
            return Tls12CipherSuite.fromCode(suite)
                    .map(cs -> new Tls12Session(sessionId, ticket, cs, master, ems == 1, List.of()));
        } catch (TlsAlertException e) {
            return Optional.empty();
        }
    }
}
