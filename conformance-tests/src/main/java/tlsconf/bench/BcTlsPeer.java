package tlsconf.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Vector;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Bouncy Castle's own TLS API (TLS 1.3 or TLS 1.2, the only version offered and accepted) in non-blocking mode
 * ({@link TlsClientProtocol}/{@link TlsServerProtocol} with
 * {@code offerInput}/{@code readOutput}) on {@link BcTlsCrypto}, the same lightweight primitives our reference uses.
 * BC's client API leaves chain validation to the application: ours hands the chain to the JDK's PKIX trust manager
 * through the counter, as the JSSE client does. (BC checks the CertificateVerify signature itself.)
 */
final class BcTlsPeer implements HandshakePeer {
    private static final int MAX_STEPS = 32;

    private final BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    private final TlsVersion version;
    private final ProtocolVersion[] offeredVersions;
    private final int[] offeredSuites;
    private final X509TrustManager pkix;
    private final AsymmetricKeyParameter leafKey;
    private final Certificate serverCertificate;

    BcTlsPeer(BenchFixture fixture, TlsVersion version) throws GeneralSecurityException, IOException {
        this.version = version;
        boolean v13 = version == TlsVersion.TLS_1_3;
        this.offeredVersions = v13 ? ProtocolVersion.TLSv13.only() : ProtocolVersion.TLSv12.only();
        this.offeredSuites = new int[] {v13 ? CipherSuite.TLS_AES_128_GCM_SHA256
                : CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(fixture.trustStore());
        X509TrustManager found = null;
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                found = x;
            }
        }
        if (found == null) {
            throw new GeneralSecurityException("no X509TrustManager from " + tmf.getProvider());
        }
        this.pkix = new CountingTrustManager(found, fixture.verifications);
        this.leafKey = PrivateKeyFactory.createKey(fixture.chain.leafKey().getEncoded());
        var der = fixture.chain.der();
        CertificateEntry[] entries = new CertificateEntry[der.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new CertificateEntry(crypto.createCertificate(der.get(i)), null);
        }
        // a certificate_request_context exists only in TLS 1.3 (RFC 8446 §4.4.2); null encodes a TLS 1.2 message
        this.serverCertificate = new Certificate(v13 ? TlsUtils.EMPTY_BYTES : null, entries);
    }

    @Override
    public String name() {
        return "BC TLS API";
    }

    @Override
    public TlsVersion version() {
        return version;
    }

    @Override
    public Outcome handshake() throws Exception {
        TlsClientProtocol c = new TlsClientProtocol();
        TlsServerProtocol s = new TlsServerProtocol();
        Client client = new Client();
        c.connect(client);
        s.accept(new Server());
        for (int i = 0; i < MAX_STEPS && (c.isHandshaking() || s.isHandshaking()); i++) {
            move(c, s);
            move(s, c);
        }
        if (c.isHandshaking() || s.isHandshaking()) {
            throw new IllegalStateException("BC TLS handshake incomplete after " + MAX_STEPS + " steps");
        }
        SecurityParameters p = client.parameters;
        int suite = p.getCipherSuite();
        return new Outcome(p.getNegotiatedVersion().getName().replace(" ", "v"),
                suite == CipherSuite.TLS_AES_128_GCM_SHA256 ? "TLS_AES_128_GCM_SHA256"
                        : suite == CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
                        ? "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" : "0x" + Integer.toHexString(suite),
                // BC records the group of a TLS 1.2 ECDHE exchange nowhere on the client (-1): "n/a", as for JSSE
                p.getNegotiatedGroup() < 0 ? "n/a" : NamedGroup.getName(p.getNegotiatedGroup()));
    }

    private static void move(TlsProtocol from, TlsProtocol to) throws IOException {
        int n = from.getAvailableOutputBytes();
        if (n > 0) {
            byte[] b = new byte[n];
            from.readOutput(b, 0, n);
            to.offerInput(b);
        }
    }

    private final class Client extends DefaultTlsClient {
        SecurityParameters parameters;

        Client() {
            super(crypto);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return offeredVersions;
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return offeredSuites.clone();
        }

        @Override
        protected Vector<Integer> getSupportedGroups(Vector namedGroupRoles) {
            Vector<Integer> v = new Vector<>();
            v.add(NamedGroup.x25519);
            return v;
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new ServerOnlyTlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                    TlsCertificate[] chain = serverCertificate.getCertificate().getCertificateList();
                    try {
                        CertificateFactory f = CertificateFactory.getInstance("X.509");
                        X509Certificate[] x509 = new X509Certificate[chain.length];
                        for (int i = 0; i < chain.length; i++) {
                            x509[i] = (X509Certificate) f.generateCertificate(
                                    new ByteArrayInputStream(chain[i].getEncoded()));
                        }
                        pkix.checkServerTrusted(x509, "ECDHE_ECDSA");
                    } catch (CertificateException e) {
                        throw new TlsFatalAlert(AlertDescription.bad_certificate, e);
                    }
                }
            };
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            parameters = context.getSecurityParametersConnection();
        }
    }

    private final class Server extends DefaultTlsServer {
        Server() {
            super(crypto);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return offeredVersions;
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return offeredSuites.clone();
        }

        @Override
        public TlsCredentials getCredentials() {
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, leafKey,
                    serverCertificate,
                    SignatureScheme.getSignatureAndHashAlgorithm(SignatureScheme.ecdsa_secp256r1_sha256));
        }
    }
}
