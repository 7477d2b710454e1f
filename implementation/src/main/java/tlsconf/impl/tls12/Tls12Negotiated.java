package tlsconf.impl.tls12;

import java.security.cert.X509Certificate;
import java.util.List;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.Negotiated;
import tlsconf.impl.SignatureScheme;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * What a completed TLS 1.2 handshake agreed on. {@code group} is null under RSA key transport; {@code
 * signatureScheme} (the ServerKeyExchange's) is null under RSA key transport and on resumption.
 */
public record Tls12Negotiated(Tls12CipherSuite cipherSuite, NamedGroup group, SignatureScheme signatureScheme,
        boolean resumed, boolean resumedByTicket, boolean extendedMasterSecret, boolean clientAuthenticated,
        List<X509Certificate> peerCertificates, String serverName) {
    public Tls12Negotiated {
        peerCertificates = List.copyOf(peerCertificates);
    }

    /** The version-neutral summary {@link tlsconf.impl.TlsEngine#negotiated()} gives (no HRR, no 0-RTT in 1.2). */
    public Negotiated toNegotiated() {
        CipherSuite suite = CipherSuite.fromCode(cipherSuite.code()).orElseThrow(
                () -> new IllegalStateException(cipherSuite + " missing from CipherSuite"));
        return new Negotiated(TlsVersion.TLS_1_2, suite, group, signatureScheme, resumed, false, clientAuthenticated,
                peerCertificates, serverName, false);
    }
}
