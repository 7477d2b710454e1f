package tlsconf.impl.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** PEM reading of files OpenSSL wrote (src/test/resources/cert, see SOURCE.txt) and round trips of our own. */
class PemTest {

    static Path fixture(String name) {
        try {
            return Path.of(PemTest.class.getResource("/cert/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource cert/" + name + " missing", e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ec-sec1, EC", "rsa-pkcs1, RSA", "ed25519-pkcs8, Ed25519"})
    void readsOpenSslKeysInEveryForm(String name, String algorithm) throws IOException {
        PrivateKey key = Pem.readPrivateKey(fixture(name + ".key"));
        assertTrue(key.getAlgorithm().equals(algorithm) || algorithm.equals("Ed25519") && key.getAlgorithm().equals("EdDSA"),
                "algorithm " + key.getAlgorithm());
        Credentials c = Credentials.fromPem(fixture(name + ".crt"), fixture(name + ".key"));
        assertEquals("CN=openssl fixture " + name, c.leaf().getSubjectX500Principal().getName());
    }

    @Test
    void mismatchedKeyAndCertificateNameBothFiles() {
        IOException e = assertThrows(IOException.class,
                () -> Credentials.fromPem(fixture("ec-sec1.crt"), fixture("rsa-pkcs1.key")));
        assertTrue(e.getMessage().contains("rsa-pkcs1.key") && e.getMessage().contains("ec-sec1.crt"), e.getMessage());
    }

    @Test
    void encryptedKeyIsRefusedClearly() {
        IOException e = assertThrows(IOException.class, () -> Pem.readPrivateKey(fixture("ec-encrypted.key")));
        assertTrue(e.getMessage().contains("ec-encrypted.key") && e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void wrongKindsOfFilesAreNamed(@TempDir Path dir) throws IOException {
        IOException noKey = assertThrows(IOException.class, () -> Pem.readPrivateKey(fixture("ec-sec1.crt")));
        assertTrue(noKey.getMessage().contains("no PEM private key"), noKey.getMessage());
        IOException notCert = assertThrows(IOException.class, () -> Pem.readCertificates(fixture("ec-sec1.key")));
        assertTrue(notCert.getMessage().contains("expected a CERTIFICATE"), notCert.getMessage());
        Path missing = dir.resolve("missing.pem");
        IOException gone = assertThrows(IOException.class, () -> Pem.readCertificates(missing));
        assertTrue(gone.getMessage().contains("missing.pem"), gone.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        IOException none = assertThrows(IOException.class, () -> Pem.readCertificates(empty));
        assertTrue(none.getMessage().contains("no PEM CERTIFICATE"), none.getMessage());
        Path junk = Files.writeString(dir.resolve("junk.pem"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        IOException bad = assertThrows(IOException.class, () -> Pem.readCertificates(junk));
        assertTrue(bad.getMessage().contains("junk.pem") && bad.getMessage().contains("block 1"), bad.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "RSA_PSS_2048", "ED25519"})
    void chainAndKeyRoundTrip(KeyType type, @TempDir Path dir) throws IOException {
        TestPki.Chain chain = Fixtures.PKI.serverChain(type);
        TestPki.PemFiles f = chain.writeTo(dir);
        assertEquals(chain.certificates(), Pem.readCertificates(f.chain()));
        assertEquals(chain.trustAnchors(), Pem.readCertificates(f.roots()));
        assertEquals(chain.intermediates(), Pem.readCertificates(f.intermediates()));
        assertEquals(List.of(chain.leaf()), Pem.readCertificates(f.leafCertificate()));
        PrivateKey key = Pem.readPrivateKey(f.leafKey());
        assertArrayEquals(chain.leafKey().getEncoded(), key.getEncoded());
        Credentials c = Credentials.fromPem(f.chain(), f.leafKey());
        assertEquals(chain.certificates(), c.chain());
        assertTrue(Files.readString(f.leafKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        for (String line : Files.readAllLines(f.chain())) {
            assertTrue(line.length() <= 64, "PEM lines are at most 64 characters (RFC 7468)");
        }
    }

    @Test
    void writeCertificatesThenReadIsIdentity(@TempDir Path dir) throws IOException {
        List<X509Certificate> all = List.of(Fixtures.PKI.root(KeyType.EC_P256), Fixtures.PKI.root(KeyType.ED25519));
        Path p = dir.resolve("two.pem");
        Pem.writeCertificates(p, all);
        assertEquals(all, Pem.readCertificates(p));
    }
}
