package tlsconf.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Credentials and trust anchors written as the PEM files the peer binaries read.
 *
 * @param leaf          the leaf certificate alone (OpenSSL {@code -cert})
 * @param intermediates the intermediates, possibly none (OpenSSL {@code -cert_chain})
 * @param chain         leaf then intermediates (GnuTLS {@code --x509certfile})
 * @param key           the leaf key, PKCS#8 "PRIVATE KEY"
 */
public record PemFiles(Path leaf, Path intermediates, Path chain, Path key) {

    private static final AtomicInteger RUNS = new AtomicInteger();

    /** A number for the files of one client run, so runs sharing a directory never overwrite each other's. */
    public static int nextRun() {
        return RUNS.incrementAndGet();
    }

    /** Writes {@code prefix}-leaf.pem, -int.pem, -chain.pem and -key.pem into {@code dir}. */
    public static PemFiles write(Path dir, String prefix, PeerCredentials credentials) {
        PemFiles files = new PemFiles(dir.resolve(prefix + "-leaf.pem"), dir.resolve(prefix + "-int.pem"),
                dir.resolve(prefix + "-chain.pem"), dir.resolve(prefix + "-key.pem"));
        writeText(files.leaf, certificates(List.of(credentials.leaf())));
        writeText(files.intermediates, certificates(credentials.intermediates()));
        writeText(files.chain, certificates(credentials.chain()));
        writeText(files.key, block("PRIVATE KEY", credentials.privateKey().getEncoded()));
        return files;
    }

    /** Writes trust anchors to {@code file} (OpenSSL {@code -CAfile}, GnuTLS {@code --x509cafile}). */
    public static Path writeCertificates(Path file, Collection<X509Certificate> certificates) {
        writeText(file, certificates(certificates));
        return file;
    }

    /** PEM text of the given certificates, in order. */
    public static String certificates(Collection<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : certificates) {
            try {
                out.append(block("CERTIFICATE", c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("cannot encode certificate " + c.getSubjectX500Principal()
                        + ": " + e.getMessage(), e);
            }
        }
        return out.toString();
    }

    private static String block(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
