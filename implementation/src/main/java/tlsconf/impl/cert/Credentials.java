package tlsconf.impl.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
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
        if (!keyMatches(key, chain.get(0).getPublicKey())) {
            throw new IOException("the private key in " + keyPem + " (" + key.getAlgorithm()
                    + ") does not belong to the first certificate of " + chainPem + " ("
                    + chain.get(0).getSubjectX500Principal().getName() + ")");
        }
        return new Credentials(chain, key);
    }

    /** Signs a probe with the private key and verifies it with the certificate's public key. */
    static boolean keyMatches(PrivateKey key, PublicKey pub) {
        String alg = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (alg == null) {
            return true; // no probe for this algorithm: the handshake's CertificateVerify will tell
        }
        try {
            byte[] probe = "tlsconf key match probe".getBytes(StandardCharsets.US_ASCII);
            PSSParameterSpec pss = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
            Signature s = Signature.getInstance(alg);
            if (alg.equals("RSASSA-PSS")) {
                s.setParameter(pss);
            }
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            if (alg.equals("RSASSA-PSS")) {
                v.setParameter(pss);
            }
            v.initVerify(pub);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The end-entity certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }
}
