package tlsconf.peers.jsse;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerCredentials;

/**
 * SSLContexts of a JSSE provider (the JDK's own SunJSSE, or Bouncy Castle's BCJSSE), built from in-memory
 * credentials and trust anchors. Key and trust managers come from the same provider as the context, so each stack
 * verifies chains with its own code.
 */
final class JsseContexts {

    private static final char[] PASSWORD = "tlsconf".toCharArray();

    private JsseContexts() {
    }

    /** A SunJSSE "TLS" context with {@code config}'s credentials (if any) and trust anchors (if any). */
    static SSLContext create(PeerConfig config) {
        return create(config, null);
    }

    /**
     * A "TLS" context of {@code provider} (null: SunJSSE) with {@code config}'s credentials (if any) and trust
     * anchors (if any).
     */
    static SSLContext create(PeerConfig config, Provider provider) {
        try {
            SSLContext ctx = provider == null ? SSLContext.getInstance("TLS", "SunJSSE")
                    : SSLContext.getInstance("TLS", provider);
            KeyManagerFactory kmf = null;
            if (config.credentials().isPresent()) {
                kmf = provider == null ? KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())
                        : KeyManagerFactory.getInstance("PKIX", provider);
                kmf.init(keyStore(config.credentials().get()), PASSWORD);
            }
            TrustManagerFactory tmf = null;
            if (!config.trustAnchors().isEmpty()) {
                tmf = provider == null ? TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
                        : TrustManagerFactory.getInstance("PKIX", provider);
                tmf.init(trustStore(config.trustAnchors()));
            }
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a JSSE context: " + e.getMessage(), e);
        }
    }

    private static KeyStore keyStore(PeerCredentials creds) throws GeneralSecurityException, java.io.IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("peer", creds.privateKey(), PASSWORD, creds.chain().toArray(new Certificate[0]));
        return ks;
    }

    private static KeyStore trustStore(List<X509Certificate> roots) throws GeneralSecurityException,
            java.io.IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < roots.size(); i++) {
            ks.setCertificateEntry("root-" + i, roots.get(i));
        }
        return ks;
    }
}
