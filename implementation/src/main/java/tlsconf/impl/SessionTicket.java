package tlsconf.impl;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** A ticket a client keeps for resumption (RFC 8446 §4.6.1): the PSK it stands for and its age bookkeeping. */
public record SessionTicket(CipherSuite cipherSuite, byte[] psk, byte[] ticket, long lifetimeSeconds, long ageAdd,
        Instant received, long maxEarlyData, List<X509Certificate> peerCertificates) {
    public SessionTicket {
        peerCertificates = List.copyOf(peerCertificates);
    }

    public boolean expiredAt(Instant now) {
        return now.isAfter(received.plusSeconds(lifetimeSeconds));
    }

    /** obfuscated_ticket_age = (age in ms + ticket_age_add) mod 2^32 (§4.2.11.1). */
    public long obfuscatedAge(Instant now) {
        long ageMs = Math.max(0, now.toEpochMilli() - received.toEpochMilli());
        return (ageMs + ageAdd) & 0xffffffffL;
    }
}
