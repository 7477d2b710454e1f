package tlsconf.impl.handshake;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.RandomSource;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;
import tlsconf.impl.crypto.TicketAead;

/**
 * The server's self-contained session tickets (RFC 8446 §4.6.1 leaves the format to the server): the resumption
 * state sealed with AES-256-GCM under the server's ticket key, so any engine with the same config can resume it.
 */
final class TicketCodec {
    private static final byte[] AAD = "tlsconf ticket v1".getBytes(StandardCharsets.US_ASCII);

    /** What a ticket stands for. */
    record State(CipherSuite suite, byte[] psk, long issuedMillis, long ageAdd, long lifetimeSeconds) {
    }

    private TicketCodec() {
    }

    static byte[] seal(byte[] ticketKey, State s, RandomSource random) {
        byte[] plain = new TlsWriter().u16(s.suite().code()).u32(s.issuedMillis() >>> 32).u32(s.issuedMillis())
                .u32(s.ageAdd()).u32(s.lifetimeSeconds()).vector(1, s.psk()).toByteArray();
        return TicketAead.seal(ticketKey, AAD, plain, random);
    }

    /** The state inside a ticket, or empty for anything that is not one of ours (never an exception). */
    static Optional<State> open(byte[] ticketKey, byte[] ticket) {
        return TicketAead.open(ticketKey, AAD, ticket).flatMap(TicketCodec::decode);
    }

    private static Optional<State> decode(byte[] plain) {
        try {
            TlsReader r = new TlsReader(plain, "ticket");
            int suite = r.u16("suite");
            long issued = (r.u32("issued") << 32) | r.u32("issued");
            long ageAdd = r.u32("age_add");
            long lifetime = r.u32("lifetime");
            byte[] psk = r.vector(1, 1, 255, "psk");
            r.end();
            return CipherSuite.fromCode(suite).map(cs -> new State(cs, psk, issued, ageAdd, lifetime));
        } catch (TlsAlertException e) {
            return Optional.empty();
        }
    }
}
