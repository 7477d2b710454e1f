package tlsconf.impl.tls12;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A resumable TLS 1.2 session (RFC 5246 §7.3, RFC 5077 §3): its id and/or ticket, the suite and master secret, whether
 * the master secret is an extended one (RFC 7627 §5.3 forbids mixing), and the peer's chain as verified then.
 */
public record Tls12Session(byte[] sessionId, byte[] ticket, Tls12CipherSuite suite, byte[] masterSecret,
        boolean extendedMasterSecret, List<X509Certificate> peerCertificates) {
    public Tls12Session {
        sessionId = sessionId.clone();
        ticket = ticket == null ? null : ticket.clone();
        masterSecret = masterSecret.clone();
        peerCertificates = List.copyOf(peerCertificates);
    }

    public Tls12Session withTicket(byte[] t) {
        return new Tls12Session(sessionId, t, suite, masterSecret, extendedMasterSecret, peerCertificates);
    }
}
