package tlsconf.impl;

import java.security.cert.X509Certificate;
import java.util.List;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * What a completed handshake agreed on ({@code earlyDataAccepted}: the server took our/the client's 0-RTT data). {@code group} is null for psk_ke resumption; {@code signatureScheme} is
 * null when the peer did not sign (resumption).
 */
public record Negotiated(TlsVersion version, CipherSuite cipherSuite, NamedGroup group,
        SignatureScheme signatureScheme, boolean resumed, boolean helloRetryRequest, boolean clientAuthenticated,
        List<X509Certificate> peerCertificates, String serverName, boolean earlyDataAccepted) {
    public Negotiated {
        peerCertificates = List.copyOf(peerCertificates);
    }
}
