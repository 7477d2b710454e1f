package tlsconf.impl.cert;

import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import tlsconf.model.vocabulary.Role;

/**
 * Builds the chain of each {@link CertificateDefect}: a correct chain of the EC P-256 hierarchy (RSA for the MD5
 * defect, which has no ECDSA form) with exactly the one defect applied.
 */
final class DefectFactory {
    private static final KeyType BASE = KeyType.EC_P256;
    private static final int TRUNCATE_BYTES = 10;
    private static final byte[] GARBAGE = {0x05, 0x00}; // a well-formed DER NULL: only a strict framing check sees it

    private final TestPki pki;
    private final Instant now;

    DefectFactory(TestPki pki) {
        this.pki = pki;
        this.now = pki.now();
    }

    DefectiveChain build(CertificateDefect d, Role role) {
        if (!d.appliesTo(role)) {
            throw new IllegalArgumentException(d + " does not apply to a chain presented by a " + role.cliName());
        }
        String label = "defect-" + d + "-" + role.cliName();
        return switch (d) {
            case EXPIRED -> leafDefect(d, role, leaf(role, label)
                    .validity(now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1))), peer(role));
            case NOT_YET_VALID -> leafDefect(d, role, leaf(role, label)
                    .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(31))), peer(role));
            case WRONG_HOST_NAME -> leafDefect(d, role, leaf(role, label)
                    .sans(List.of(dns("wrong.tlsconf.test"))), TestPki.DEFAULT_PEER_NAME);
            case IP_IN_DNS_NAME_SAN -> leafDefect(d, role, leaf(role, label)
                    .sans(List.of(dns("127.0.0.1"))), "127.0.0.1");
            case WILDCARD_NOT_LEFTMOST -> leafDefect(d, role, leaf(role, label)
                    .sans(List.of(dns("www.*.test"))), "www.tlsconf.test");
            case WILDCARD_SPANS_TWO_LABELS -> leafDefect(d, role, leaf(role, label)
                    .sans(List.of(dns("*.tlsconf.test"))), "a.b.tlsconf.test");
            case UNKNOWN_CA -> unknownCa(d, role, label);
            case SELF_SIGNED_LEAF -> {
                CertSpec s = leaf(role, label);
                X509Certificate self = pki.issue(s.selfSigned(), BASE);
                yield result(d, role, List.of(der(self)), s.subjectKey, List.of(pki.root(BASE)));
            }
            case BAD_SIGNATURE -> {
                CertSpec s = leaf(role, label);
                byte[] leaf = der(pki.issue(s, BASE));
                leaf[leaf.length - 1] ^= 0x01; // the encoding ends with the signature value
                yield result(d, role, List.of(leaf, der(pki.intermediate(BASE))), s.subjectKey,
                        List.of(pki.root(BASE)));
            }
            case INTERMEDIATE_NOT_CA -> {
                CertSpec i = pki.intermediateSpec(BASE, "int-not-ca");
                i.ca = Boolean.FALSE; // basicConstraints present, cA FALSE; keyCertSign kept
                yield viaIntermediate(d, role, label, i);
            }
            case MISSING_KEY_CERT_SIGN -> viaIntermediate(d, role, label,
                    pki.intermediateSpec(BASE, "int-no-keycertsign").keyUsage(KeyUsage.digitalSignature | KeyUsage.cRLSign));
            case V1_INTERMEDIATE -> {
                CertSpec i = pki.intermediateSpec(BASE, "int-v1");
                i.version1 = true;
                yield viaIntermediate(d, role, label, i);
            }
            case NAME_CONSTRAINTS_VIOLATION -> {
                CertSpec i = pki.intermediateSpec(BASE, "int-constrained");
                i.permittedDnsSubtree = "permitted.tlsconf.test";
                yield viaIntermediate(d, role, label, i);
            }
            case PATH_LENGTH_EXCEEDED -> pathLength(d, role, label);
            case UNKNOWN_CRITICAL_EXTENSION -> {
                CertSpec s = leaf(role, label);
                s.unknownCriticalExtension = true;
                yield leafDefect(d, role, s, peer(role));
            }
            case WRONG_EXTENDED_KEY_USAGE -> leafDefect(d, role, leaf(role, label).extendedKeyUsage(
                    role == Role.SERVER ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth), peer(role));
            case LEAF_MISSING_DIGITAL_SIGNATURE -> leafDefect(d, role,
                    leaf(role, label).keyUsage(KeyUsage.keyAgreement), peer(role));
            case RSA_1024_KEY -> {
                CertSpec s = leaf(role, label);
                s.subjectKey = pki.keyPair(KeyType.RSA_1024, "leaf-1024");
                s.keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment);
                yield leafDefect(d, role, s, peer(role));
            }
            case SHA1_SIGNATURE -> leafDefect(d, role, leaf(role, label).signatureAlgorithm("SHA1withECDSA"), peer(role));
            case MD5_SIGNATURE -> {
                KeyType rsa = KeyType.RSA_2048;
                CertSpec s = leaf(role, label).issuedBy(pki.intermediate(rsa), pki.keyPair(rsa, "int"))
                        .signatureAlgorithm("MD5withRSA");
                X509Certificate leaf = pki.issue(s, rsa);
                yield result(d, role, List.of(der(leaf), der(pki.intermediate(rsa))), s.subjectKey,
                        List.of(pki.root(rsa)));
            }
            case EMPTY_CERTIFICATE_LIST -> new DefectiveChain(d, role, List.of(), Optional.empty(),
                    List.of(pki.root(BASE)), peer(role));
            case TRUNCATED_DER -> {
                CertSpec s = leaf(role, label);
                byte[] leaf = der(pki.issue(s, BASE));
                yield result(d, role, List.of(Arrays.copyOf(leaf, leaf.length - TRUNCATE_BYTES),
                        der(pki.intermediate(BASE))), s.subjectKey, List.of(pki.root(BASE)));
            }
            case TRAILING_GARBAGE -> {
                CertSpec s = leaf(role, label);
                byte[] leaf = der(pki.issue(s, BASE));
                byte[] longer = Arrays.copyOf(leaf, leaf.length + GARBAGE.length);
                System.arraycopy(GARBAGE, 0, longer, leaf.length, GARBAGE.length);
                yield result(d, role, List.of(longer, der(pki.intermediate(BASE))), s.subjectKey,
                        List.of(pki.root(BASE)));
            }
        };
    }

    private CertSpec leaf(Role role, String label) {
        return pki.leafSpec(BASE, role, label);
    }

    private static String peer(Role role) {
        return role == Role.SERVER ? TestPki.DEFAULT_PEER_NAME : "client.tlsconf.test";
    }

    private DefectiveChain leafDefect(CertificateDefect d, Role role, CertSpec leafSpec, String peerName) {
        X509Certificate leaf = pki.issue(leafSpec, BASE);
        return new DefectiveChain(d, role, List.of(der(leaf), der(pki.intermediate(BASE))),
                Optional.of(TestPki.jdkKey(leafSpec.subjectKey.getPrivate())), List.of(pki.root(BASE)), peerName);
    }

    /** A leaf issued by a defective intermediate (itself issued by the trusted root). */
    private DefectiveChain viaIntermediate(CertificateDefect d, Role role, String label, CertSpec intSpec) {
        X509Certificate intermediate = pki.issue(intSpec, BASE);
        CertSpec s = leaf(role, label).issuedBy(intermediate, intSpec.subjectKey);
        return result(d, role, List.of(der(pki.issue(s, BASE)), der(intermediate)), s.subjectKey,
                List.of(pki.root(BASE)));
    }

    private DefectiveChain unknownCa(CertificateDefect d, Role role, String label) {
        KeyPair rogueRootKey = pki.keyPair(BASE, "rogue-root");
        X509Certificate rogueRoot = pki.issue(new CertSpec("rogue-root")
                .subject("CN=tlsconf Untrusted Root CA,O=tlsconf", rogueRootKey).selfSigned()
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)))
                .ca(null).keyUsage(TestPki.KU_CA), BASE);
        CertSpec i = pki.intermediateSpec(BASE, "rogue-int").issuedBy(rogueRoot, rogueRootKey);
        X509Certificate rogueInt = pki.issue(i, BASE);
        CertSpec s = leaf(role, label).issuedBy(rogueInt, i.subjectKey);
        return result(d, role, List.of(der(pki.issue(s, BASE)), der(rogueInt)), s.subjectKey,
                List.of(pki.root(BASE)));
    }

    private DefectiveChain pathLength(CertificateDefect d, Role role, String label) {
        CertSpec upperSpec = pki.intermediateSpec(BASE, "int-pathlen0"); // pathLenConstraint 0
        X509Certificate upper = pki.issue(upperSpec, BASE);
        CertSpec lowerSpec = pki.intermediateSpec(BASE, "int-below-pathlen0").issuedBy(upper, upperSpec.subjectKey)
                .ca(null);
        X509Certificate lower = pki.issue(lowerSpec, BASE);
        CertSpec s = leaf(role, label).issuedBy(lower, lowerSpec.subjectKey);
        return result(d, role, List.of(der(pki.issue(s, BASE)), der(lower), der(upper)), s.subjectKey,
                List.of(pki.root(BASE)));
    }

    private DefectiveChain result(CertificateDefect d, Role role, List<byte[]> der, KeyPair leafKey,
            List<X509Certificate> anchors) {
        String peerName = peer(role);
        return new DefectiveChain(d, role, der, Optional.of(TestPki.jdkKey(leafKey.getPrivate())), anchors, peerName);
    }

    private static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    private static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode " + c.getSubjectX500Principal(), e);
        }
    }
}
