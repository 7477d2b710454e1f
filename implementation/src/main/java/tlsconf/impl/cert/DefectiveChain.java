package tlsconf.impl.cert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;

/**
 * One bad chain of {@link CertificateDefect}, ready to be put into a Certificate message.
 *
 * @param encodedCertificates the cert_data of each CertificateEntry, end-entity first; not always parseable
 *        ({@link CertificateDefect#TRUNCATED_DER}, {@link CertificateDefect#TRAILING_GARBAGE}) and empty for
 *        {@link CertificateDefect#EMPTY_CERTIFICATE_LIST}
 * @param leafKey the private key of the end-entity certificate, to sign CertificateVerify; empty only when there is
 *        no certificate at all
 * @param trustAnchors what the peer under test must be configured to trust; always a subset of
 *        {@link TestPki#roots()}, so one CA file of those roots serves every defect
 * @param peerName for a server chain, the name the client must check (connect/SNI/verify with it); for a client
 *        chain, the name in the client leaf (servers do not check it)
 */
public record DefectiveChain(CertificateDefect defect, Role presentedBy, List<byte[]> encodedCertificates,
        Optional<PrivateKey> leafKey, List<X509Certificate> trustAnchors, String peerName) {

    public DefectiveChain {
        Objects.requireNonNull(defect, "defect");
        Objects.requireNonNull(presentedBy, "presentedBy");
        List<byte[]> copy = new ArrayList<>();
        for (byte[] b : encodedCertificates) {
            copy.add(b.clone());
        }
        encodedCertificates = List.copyOf(copy);
        Objects.requireNonNull(leafKey, "leafKey");
        trustAnchors = List.copyOf(trustAnchors);
        Objects.requireNonNull(peerName, "peerName");
    }

    /** Copies of the encodings (the record's list is immutable but arrays are not). */
    public List<byte[]> der() {
        List<byte[]> out = new ArrayList<>();
        for (byte[] b : encodedCertificates) {
            out.add(b.clone());
        }
        return out;
    }

    public Set<AlertDescription> expectedAlerts() {
        return defect.expectedAlerts(presentedBy);
    }

    public AlertDescription primaryAlert() {
        return defect.primaryAlert(presentedBy);
    }

    /**
     * True for chains presented by a client: RFC 8446 §4.4.2.4 lets the server either abort or "continue the
     * handshake (considering the client unauthenticated)", so finishing without client authentication conforms too.
     */
    public boolean serverMayContinue() {
        return presentedBy == Role.CLIENT;
    }

    /**
     * Writes the chain for command-line peers: {@code chain.pem} (every entry, as CERTIFICATE blocks, broken bytes
     * included), {@code leaf.crt} (first entry), {@code int.pem} (the other entries; empty file if none),
     * {@code roots.pem} and, if there is a leaf key, {@code leaf.key}. The chain of {@link CertificateDefect#EMPTY_CERTIFICATE_LIST}
     * writes empty certificate files.
     */
    public TestPki.PemFiles writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        TestPki.PemFiles f = new TestPki.PemFiles(dir, dir.resolve("roots.pem"), dir.resolve("chain.pem"),
                dir.resolve("leaf.key"), dir.resolve("int.pem"), dir.resolve("leaf.crt"));
        Pem.writeCertificates(f.roots(), trustAnchors);
        Pem.writeBlocks(f.chain(), "CERTIFICATE", encodedCertificates);
        Pem.writeBlocks(f.leafCertificate(), "CERTIFICATE",
                encodedCertificates.isEmpty() ? List.of() : encodedCertificates.subList(0, 1));
        Pem.writeBlocks(f.intermediates(), "CERTIFICATE",
                encodedCertificates.isEmpty() ? List.of() : encodedCertificates.subList(1, encodedCertificates.size()));
        if (leafKey.isPresent()) {
            Pem.writePrivateKey(f.leafKey(), leafKey.get());
        } else {
            Files.deleteIfExists(f.leafKey());
        }
        return f;
    }

    @Override
    public String toString() {
        return "DefectiveChain[" + defect + " presented by " + presentedBy.cliName() + ", "
                + encodedCertificates.size() + " entries, peer name " + peerName + "]";
    }
}
