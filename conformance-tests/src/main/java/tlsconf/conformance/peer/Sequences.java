package tlsconf.conformance.peer;

import tlsconf.impl.CipherSuite;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.record.RecordProtection;
import tlsconf.impl.tls12.Tls12Protection;

/**
 * Record protections at a chosen sequence number, to seal or open a record that is not the first under its key.
 * Neither protection class lets a caller set the number the nonce comes from (RFC 8446 §5.3, RFC 5288 §3), so a fresh
 * protection is advanced by sealing empty records, used for one record and thrown away: no nonce seals two contents.
 */
final class Sequences {
    private Sequences() {
    }

    /** A fresh TLS 1.3 protection under {@code trafficSecret} at record {@code sequence}. */
    static RecordProtection tls13(CipherSuite suite, byte[] trafficSecret, int sequence) throws TlsAlertException {
        RecordProtection p = RecordProtection.fromSecret(suite, trafficSecret);
        for (int i = 0; i < sequence; i++) {
            p.protect(0, new byte[0], 0, 0, 0);
        }
        return p;
    }

    /** {@code fresh} (a TLS 1.2 protection at record 0, not used elsewhere) advanced to record {@code sequence}. */
    static Tls12Protection tls12(Tls12Protection fresh, int sequence) throws TlsAlertException {
        for (int i = 0; i < sequence; i++) {
            fresh.protect(0, new byte[0], 0, 0);
        }
        return fresh;
    }
}
