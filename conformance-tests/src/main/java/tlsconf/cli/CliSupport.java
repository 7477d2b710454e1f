package tlsconf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import tlsconf.impl.Negotiated;
import tlsconf.impl.cert.Credentials;
import tlsconf.impl.cert.Pem;
import tlsconf.model.vocabulary.TlsVersion;

/** Small shared pieces of the {@code server} and {@code client} commands: option checks and PEM loading. */
final class CliSupport {
    private CliSupport() {
    }

    /** {@code --tls}: 1.3, 1.2, or both ("1.2,1.3" in either order: one endpoint for both versions). */
    static TlsVersion[] versions(String tls) {
        switch (tls.replace(" ", "")) {
            case "1.3":
                return new TlsVersion[] {TlsVersion.TLS_1_3};
            case "1.2":
                return new TlsVersion[] {TlsVersion.TLS_1_2};
            case "1.2,1.3":
            case "1.3,1.2":
                return new TlsVersion[] {TlsVersion.TLS_1_3, TlsVersion.TLS_1_2};
            default:
                throw new UsageException("unknown TLS version '" + tls + "' (expected 1.3, 1.2 or 1.2,1.3)");
        }
    }

    static Credentials credentials(Path cert, Path key) {
        if (cert == null || key == null) {
            throw new UsageException("--cert and --key go together");
        }
        readable(cert, "--cert");
        readable(key, "--key");
        try {
            return Credentials.fromPem(cert, key);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot load credentials from " + cert + " and " + key + ": " + e.getMessage());
        }
    }

    static List<X509Certificate> certificates(Path pem) {
        readable(pem, "--ca");
        try {
            List<X509Certificate> certs = Pem.readCertificates(pem);
            if (certs.isEmpty()) {
                throw new UsageException("no certificate in " + pem);
            }
            return certs;
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read certificates from " + pem + ": " + e.getMessage());
        }
    }

    private static void readable(Path p, String option) {
        if (!Files.isReadable(p)) {
            throw new UsageException(option + " " + p + ": not a readable file");
        }
    }

    static String describe(Negotiated n) {
        StringBuilder b = new StringBuilder("TLS ").append(n.version().label()).append(' ').append(n.cipherSuite());
        b.append(' ').append(n.group() != null ? n.group().name()
                : n.version() == TlsVersion.TLS_1_2 ? (n.resumed() ? "session" : "rsa_key_transport") : "psk_ke");
        if (n.signatureScheme() != null) {
            b.append(' ').append(n.signatureScheme());
        }
        if (n.resumed()) {
            b.append(" resumed");
        }
        if (n.helloRetryRequest()) {
            b.append(" HRR");
        }
        if (n.earlyDataAccepted()) {
            b.append(" 0-RTT");
        }
        if (n.clientAuthenticated()) {
            b.append(" client-authenticated");
        }
        if (!n.peerCertificates().isEmpty()) {
            b.append(" peer=").append(n.peerCertificates().get(0).getSubjectX500Principal().getName());
        }
        return b.toString();
    }
}
