package tlsconf.impl.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v1CertificateBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What one certificate {@link TestPki} issues should contain. A small mutable builder, internal to the package:
 * the defect classes start from a correct specification and change exactly one thing.
 */
final class CertSpec {
    /**
     * An unassigned OID under the UUID arc 2.25 (X.667): no implementation can recognise it. Kept below 2^63:
     * GnuTLS's libtasn1 cannot parse a full 128-bit UUID arc and would fail for the wrong reason.
     */
    static final ASN1ObjectIdentifier UNKNOWN_EXTENSION = new ASN1ObjectIdentifier(
            "2.25.4711471147114711");

    final String label;
    X500Name subject;
    KeyPair subjectKey;
    X500Name issuer;
    KeyPair issuerKey;
    Instant notBefore;
    Instant notAfter;
    boolean version1;
    Boolean ca;
    Integer pathLen;
    Integer keyUsage;
    List<KeyPurposeId> extendedKeyUsage;
    List<GeneralName> subjectAltNames;
    String signatureAlgorithm;
    String permittedDnsSubtree;
    boolean unknownCriticalExtension;

    CertSpec(String label) {
        this.label = label;
    }

    CertSpec subject(String dn, KeyPair key) {
        this.subject = new X500Name(dn);
        this.subjectKey = key;
        return this;
    }

    CertSpec issuedBy(X509Certificate issuerCert, KeyPair key) {
        this.issuer = X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded());
        this.issuerKey = key;
        return this;
    }

    CertSpec selfSigned() {
        this.issuer = subject;
        this.issuerKey = subjectKey;
        return this;
    }

    CertSpec validity(Instant from, Instant to) {
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    CertSpec ca(Integer pathLenConstraint) {
        this.ca = Boolean.TRUE;
        this.pathLen = pathLenConstraint;
        return this;
    }

    CertSpec endEntity() {
        this.ca = Boolean.FALSE;
        this.pathLen = null;
        return this;
    }

    CertSpec keyUsage(int bits) {
        this.keyUsage = bits;
        return this;
    }

    CertSpec extendedKeyUsage(KeyPurposeId... purposes) {
        this.extendedKeyUsage = List.of(purposes);
        return this;
    }

    CertSpec sans(List<GeneralName> names) {
        this.subjectAltNames = new ArrayList<>(names);
        return this;
    }

    CertSpec signatureAlgorithm(String jcaName) {
        this.signatureAlgorithm = jcaName;
        return this;
    }

    /** Issues the certificate; serial number and any signing randomness come from {@code random}. */
    X509Certificate issue(SecureRandom serialRandom, SecureRandom signingRandom, String defaultSignatureAlgorithm) {
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(subjectKey.getPublic().getEncoded());
            byte[] serialBytes = new byte[16];
            serialRandom.nextBytes(serialBytes);
            serialBytes[0] &= 0x7f; // positive, at most 20 octets (RFC 5280 §4.1.2.2)
            serialBytes[0] |= 0x01; // and never zero
            BigInteger serial = new BigInteger(serialBytes);
            String alg = signatureAlgorithm != null ? signatureAlgorithm : defaultSignatureAlgorithm;
            ContentSigner signer = new JcaContentSignerBuilder(alg)
                    .setProvider(TestPki.BC).setSecureRandom(signingRandom).build(issuerKey.getPrivate());
            Date from = Date.from(notBefore);
            Date to = Date.from(notAfter);
            X509CertificateHolder holder;
            if (version1) {
                holder = new X509v1CertificateBuilder(issuer, serial, from, to, subject, spki).build(signer);
            } else {
                X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, serial, from, to, subject, spki);
                addExtensions(b);
                holder = b.build(signer);
            }
            return Pem.toX509(holder.getEncoded(), "generated certificate '" + label + "'");
        } catch (IOException | OperatorCreationException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot issue test certificate '" + label + "': " + e.getMessage(), e);
        }
    }

    private void addExtensions(X509v3CertificateBuilder b) throws IOException, java.security.NoSuchAlgorithmException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        if (ca != null) {
            BasicConstraints bc = ca && pathLen != null ? new BasicConstraints(pathLen) : new BasicConstraints(ca);
            b.addExtension(Extension.basicConstraints, true, bc);
        }
        if (keyUsage != null) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        }
        if (extendedKeyUsage != null) {
            b.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(extendedKeyUsage.toArray(KeyPurposeId[]::new)));
        }
        if (subjectAltNames != null) {
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(subjectAltNames.toArray(GeneralName[]::new)));
        }
        b.addExtension(Extension.subjectKeyIdentifier, false,
                utils.createSubjectKeyIdentifier(subjectKey.getPublic()));
        if (issuerKey != subjectKey) {
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerKey.getPublic()));
        }
        if (permittedDnsSubtree != null) {
            GeneralSubtree permitted = new GeneralSubtree(new GeneralName(GeneralName.dNSName, permittedDnsSubtree));
            b.addExtension(Extension.nameConstraints, true,
                    new NameConstraints(new GeneralSubtree[] {permitted}, null));
        }
        if (unknownCriticalExtension) {
            b.addExtension(UNKNOWN_EXTENSION, true, DERNull.INSTANCE);
        }
    }
}
