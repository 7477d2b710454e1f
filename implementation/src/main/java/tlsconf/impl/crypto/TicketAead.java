package tlsconf.impl.crypto;

import java.util.Arrays;
import java.util.Optional;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.RandomSource;

/**
 * The sealing under both versions' self-contained session tickets (RFC 8446 §4.6.1 and RFC 5077 §4 leave the format
 * to the server): a fresh 12-byte nonce, then the state sealed with AES-256-GCM under the server's ticket key. The
 * additional data names the ticket kind, so a ticket of one version never opens as the other's.
 */
public final class TicketAead {
    private static final int NONCE_LENGTH = 12;

    private TicketAead() {
    }

    public static byte[] seal(byte[] ticketKey, byte[] aad, byte[] plain, RandomSource random) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] sealed = new Aead(CipherSuite.TLS_AES_256_GCM_SHA384, ticketKey).seal(nonce, aad, plain, 0,
                plain.length);
        byte[] out = Arrays.copyOf(nonce, NONCE_LENGTH + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
        return out;
    }

    /** The sealed state, or empty for anything that is not one of ours (too short, or it does not open). */
    public static Optional<byte[]> open(byte[] ticketKey, byte[] aad, byte[] ticket) {
        if (ticket.length < NONCE_LENGTH + Aead.TAG_LENGTH) {
            return Optional.empty();
        }
        return Optional.ofNullable(new Aead(CipherSuite.TLS_AES_256_GCM_SHA384, ticketKey).open(
                Arrays.copyOf(ticket, NONCE_LENGTH), aad, ticket, NONCE_LENGTH, ticket.length - NONCE_LENGTH));
    }
}
