package tlsconf.peers;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain (leaf first, then intermediates; no root) and the leaf's private key, as a peer presents
 * them. In-process peers use the objects; binaries get them as PEM files ({@link PemFiles}).
 */
public record PeerCredentials(List<X509Certificate> chain, PrivateKey privateKey) {

    public PeerCredentials {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least the leaf certificate");
        }
        Objects.requireNonNull(privateKey, "privateKey");
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public List<X509Certificate> intermediates() {
        return chain.subList(1, chain.size());
    }
}
