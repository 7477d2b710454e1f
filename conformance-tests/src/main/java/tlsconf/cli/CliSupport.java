package tlsconf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import tlsconf.impl.Negotiated;
import tlsconf.impl.cert.Credentials;
import tlsconf.impl.cert.Pem;

/** Small shared pieces of the {@code server} and {@code client} commands: option checks and PEM loading. */
final class CliSupport {
    private CliSupport() {
    }

    static void requireTls13(String tls) {
        if ("1.2".equals(tls)) {
            throw new UsageException("TLS 1.2 not built yet (use --tls 1.3)");
        }
        if (!"1.3".equals(tls)) {
            throw new UsageException("unknown TLS version '" + tls + "' (expected 1.3)");
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
        b.append(' ').append(n.group() == null ? "psk_ke" : n.group().name());
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
