package tlsconf.impl.cert;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What one side authenticates with: its certificate chain (end-entity certificate first, then the intermediates
 * in issuing order, as RFC 8446 §4.4.2 sends them) and the private key of the end-entity certificate.
 */
public record Credentials(List<X509Certificate> chain, PrivateKey privateKey) {

    public Credentials {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("credentials need at least the end-entity certificate");
        }
    }

    /**
     * Reads a PEM chain (end-entity first) and a PEM private key (PKCS#8, SEC1 EC or PKCS#1 RSA). Failures name the
     * file and what was wrong with it.
     */
    public static Credentials fromPem(Path chainPem, Path keyPem) throws IOException {
        List<X509Certificate> chain = Pem.readCertificates(chainPem);
        PrivateKey key = Pem.readPrivateKey(keyPem);
        return new Credentials(chain, key);
    }

    /** The end-entity certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }
}
