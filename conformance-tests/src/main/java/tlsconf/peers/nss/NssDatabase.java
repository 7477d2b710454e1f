package tlsconf.peers.nss;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import tlsconf.peers.PeerCredentials;
import tlsconf.peers.PeerException;
import tlsconf.peers.PeerProcess;
import tlsconf.peers.PemFiles;
import tlsconf.peers.ProcessSpec;

/**
 * An NSS certificate database in a directory ({@code sql:DIR}), filled with NSS's own tools: {@code certutil -N}
 * (empty password), the credentials through a PKCS#12 file and {@code pk12util}, each trust anchor with
 * {@code certutil -A -t CT,C,C}.
 */
final class NssDatabase {

    static final String NICKNAME = "tlsconf";
    static final String PACKAGE = "libnss3-tools";
    private static final String P12_PASSWORD = "tlsconf";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(10);

    private NssDatabase() {
    }

    /** Creates the database in {@code dir} and returns its {@code sql:} name. */
    static String create(Path dir, PeerCredentials credentials, List<X509Certificate> trustAnchors) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create NSS database directory " + dir, e);
        }
        String db = "sql:" + dir;
        run(dir, List.of("certutil", "-N", "-d", db, "--empty-password"));
        if (credentials != null) {
            Path p12 = dir.resolve("credentials.p12");
            writePkcs12(p12, credentials);
            run(dir, List.of("pk12util", "-i", p12.toString(), "-d", db, "-W", P12_PASSWORD, "-K", ""));
        }
        for (int i = 0; i < trustAnchors.size(); i++) {
            Path pem = PemFiles.writeCertificates(dir.resolve("root-" + i + ".pem"), List.of(trustAnchors.get(i)));
            run(dir, List.of("certutil", "-A", "-d", db, "-n", "root-" + i, "-t", "CT,C,C", "-a", "-i",
                    pem.toString()));
        }
        return db;
    }

    private static void writePkcs12(Path file, PeerCredentials credentials) {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(NICKNAME, credentials.privateKey(), P12_PASSWORD.toCharArray(),
                    credentials.chain().toArray(new Certificate[0]));
            ks.store(out, P12_PASSWORD.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void run(Path dir, List<String> command) {
        try (PeerProcess tool = PeerProcess.start(ProcessSpec.of(command.get(0), PACKAGE, command)
                .withLogDir(dir))) {
            int status = tool.awaitExit(TOOL_TIMEOUT);
            if (status != 0) {
                throw new PeerException(PeerException.Kind.EXITED_EARLY, String.join(" ", command)
                        + " failed with status " + status + ": " + tool.output().lastLinesInline(4));
            }
        }
    }
}
