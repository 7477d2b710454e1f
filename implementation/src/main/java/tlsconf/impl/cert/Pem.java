package tlsconf.impl.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM files (RFC 7468) for certificates and private keys, in the forms OpenSSL and GnuTLS read and write.
 * Reading uses Bouncy Castle's {@link PEMParser}; keys come back as JDK key objects so that any provider (the JDK's,
 * Bouncy Castle's JCA or its lightweight API through the PKCS#8 encoding) accepts them.
 */
public final class Pem {
    private static final int LINE = 64;

    private Pem() {
    }

    /** All certificates of a PEM file, in file order. An empty or non-certificate file is an error naming it. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        try (Reader r = open(file); PEMParser parser = new PEMParser(r)) {
            for (int block = 1; ; block++) {
                Object o = readObject(parser, file, block);
                if (o == null) {
                    break;
                }
                if (!(o instanceof X509CertificateHolder holder)) {
                    throw new IOException(file + ": PEM block " + block + " is " + describe(o)
                            + ", expected a CERTIFICATE");
                }
                out.add(toX509(holder.getEncoded(), file + ": PEM block " + block));
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no PEM CERTIFICATE block found");
        }
        return List.copyOf(out);
    }

    /** The one private key of a PEM file: PKCS#8 ("PRIVATE KEY"), SEC1 ("EC PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY"). */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        PrivateKeyInfo info = null;
        try (Reader r = open(file); PEMParser parser = new PEMParser(r)) {
            for (int block = 1; ; block++) {
                Object o = readObject(parser, file, block);
                if (o == null) {
                    break;
                }
                PrivateKeyInfo found;
                if (o instanceof PrivateKeyInfo pki) {
                    found = pki;
                } else if (o instanceof PEMKeyPair pair) {
                    found = pair.getPrivateKeyInfo();
                } else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IOException(file + ": PEM block " + block + " is an encrypted private key;"
                            + " only unencrypted keys are supported");
                } else {
                    continue; // certificates or parameters next to the key are tolerated, as OpenSSL does
                }
                if (info != null) {
                    throw new IOException(file + ": more than one private key (second at PEM block " + block + ")");
                }
                info = found;
            }
        }
        if (info == null) {
            throw new IOException(file + ": no PEM private key block found"
                    + " (expected PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY)");
        }
        return Keys.toJdkPrivateKey(info.getEncoded(), file.toString());
    }

    /** Writes the certificates as consecutive CERTIFICATE blocks, replacing the file. */
    public static void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        List<byte[]> der = new ArrayList<>();
        for (X509Certificate c : certificates) {
            try {
                der.add(c.getEncoded());
            } catch (CertificateException e) {
                throw new IOException("cannot encode certificate " + c.getSubjectX500Principal() + ": " + e, e);
            }
        }
        writeBlocks(file, "CERTIFICATE", der);
    }

    /** Writes the key as an unencrypted PKCS#8 "PRIVATE KEY" block, replacing the file. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        byte[] der = key.getEncoded();
        if (der == null || !"PKCS#8".equals(key.getFormat())) {
            throw new IOException("cannot write " + key.getAlgorithm() + " private key to " + file
                    + ": it has no PKCS#8 encoding (format " + key.getFormat() + ")");
        }
        writeBlocks(file, "PRIVATE KEY", List.of(der));
    }

    /**
     * Writes arbitrary bytes as PEM blocks of the given label. Used for deliberately broken certificates (truncated
     * DER, trailing garbage) that are no {@link X509Certificate} but must still reach a peer's parser.
     */
    public static void writeBlocks(Path file, String label, List<byte[]> blocks) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (byte[] b : blocks) {
            sb.append(encode(label, b));
        }
        Files.writeString(file, sb.toString(), StandardCharsets.US_ASCII);
    }

    /** One PEM block with 64-character lines (RFC 7468 §2). */
    public static String encode(String label, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder();
        sb.append("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < b64.length(); i += LINE) {
            sb.append(b64, i, Math.min(b64.length(), i + LINE)).append('\n');
        }
        sb.append("-----END ").append(label).append("-----\n");
        return sb.toString();
    }

    static X509Certificate toX509(byte[] der, String where) throws IOException {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IOException(where + ": not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static Reader open(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
    }

    private static Object readObject(PEMParser parser, Path file, int block) throws IOException {
        try {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": PEM block " + block + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String describe(Object o) {
        return o.getClass().getSimpleName();
    }

    /** Key conversion kept apart so {@link TestPki} can hand out the same JDK key objects as the PEM reader. */
    static final class Keys {
        private Keys() {
        }

        static PrivateKey toJdkPrivateKey(byte[] pkcs8, String where) throws IOException {
            PrivateKeyInfo info;
            try {
                info = PrivateKeyInfo.getInstance(pkcs8);
            } catch (RuntimeException e) {
                throw new IOException(where + ": not a PKCS#8 private key: " + e.getMessage(), e);
            }
            String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
            String algorithm = switch (oid) {
                case "1.2.840.113549.1.1.1" -> "RSA";
                case "1.2.840.113549.1.1.10" -> "RSASSA-PSS";
                case "1.2.840.10045.2.1" -> "EC";
                case "1.3.101.112" -> "Ed25519";
                case "1.3.101.113" -> "Ed448";
                case "1.3.101.110" -> "X25519";
                case "1.3.101.111" -> "X448";
                default -> throw new IOException(where + ": unsupported private key algorithm " + oid);
            };
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                throw new IOException(where + ": " + algorithm + " private key cannot be decoded: " + e.getMessage(), e);
            }
        }
    }
}
