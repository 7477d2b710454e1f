package tlsconf.peers.jsse;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerCredentials;

/** SSLContexts of the JDK's own provider (SunJSSE), built from in-memory credentials and trust anchors. */
final class JsseContexts {

    private static final char[] PASSWORD = "tlsconf".toCharArray();

    private JsseContexts() {
    }

    /** A SunJSSE "TLS" context with {@code config}'s credentials (if any) and trust anchors (if any). */
    static SSLContext create(PeerConfig config) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS", "SunJSSE");
            KeyManagerFactory kmf = null;
            if (config.credentials().isPresent()) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore(config.credentials().get()), PASSWORD);
            }
            TrustManagerFactory tmf = null;
            if (!config.trustAnchors().isEmpty()) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
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
