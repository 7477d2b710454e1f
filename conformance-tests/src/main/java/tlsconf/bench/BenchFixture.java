package tlsconf.bench;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;

/**
 * What every peer shares: the ECDSA P-256 server chain of {@link TestPki#shared()} (root, intermediate, leaf), its
 * key, and one counter of certificate-chain verifications. Each peer's client verifies the server chain through a
 * wrapper that increments {@link #verifications}; one verification per handshake proves that every handshake was
 * full (a resumed handshake sends no Certificate: RFC 8446 §2.2, RFC 5246 §7.3) and that no verdict was cached by the
 * TLS stack. One cache below the stacks remains and is the same for every handshake: the JDK's X.509
 * CertificateFactory hands back the same certificate object for the same DER bytes, and that object remembers a
 * signature it has already checked, so the chain's two ECDSA signature checks are paid once per run by the peers
 * that parse with the JDK's factory (our reference, JSSE, the BC TLS client here); BCJSSE parses with Bouncy
 * Castle's provider and probably pays them on every handshake. The floor leaves chain checks out for that reason.
 */
final class BenchFixture {
    final TestPki.Chain chain;
    final AtomicLong verifications = new AtomicLong();

    BenchFixture() {
        this.chain = TestPki.shared().serverChain(KeyType.EC_P256);
    }

    X509Certificate root() {
        return TestPki.shared().root(KeyType.EC_P256);
    }

    /** The chain re-parsed by the JDK's own provider, so JSSE works on its native certificate objects. */
    List<X509Certificate> jdkChain() throws GeneralSecurityException {
        CertificateFactory f = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] der : chain.der()) {
            out.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(der)));
        }
        return out;
    }

    /** The leaf key re-made by the JDK's EC key factory (TestPki makes it with Bouncy Castle's provider). */
    PrivateKey jdkLeafKey() throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(chain.leafKey().getEncoded()));
    }

    /** An in-memory key store holding the server chain and key, for key managers. */
    KeyStore serverKeyStore(char[] password) throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", jdkLeafKey(), password, jdkChain().toArray(new X509Certificate[0]));
            return ks;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("in-memory key store: " + e.getMessage(), e);
        }
    }

    /** An in-memory trust store holding the root. */
    KeyStore trustStore() throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            ks.setCertificateEntry("root", f.generateCertificate(new ByteArrayInputStream(root().getEncoded())));
            return ks;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("in-memory trust store: " + e.getMessage(), e);
        }
    }
}
