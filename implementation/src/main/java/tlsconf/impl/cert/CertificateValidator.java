package tlsconf.impl.cert;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates a peer's certificate chain for TLS: RFC 5280 path validation by the JDK's PKIX {@link CertPathValidator}
 * (provider "SUN", whose failures carry a structured reason), plus the TLS rules PKIX leaves to the application:
 * signature algorithms and key sizes ({@link AlgorithmPolicy}), v1 intermediates, the leaf's key usage and extended
 * key usage, and the server name ({@link ServerNameMatcher}). Every failure is a {@link CertificateRejection} whose
 * violation names the RFC 8446 §6.2 alert (see {@link CertificateViolation} for the mapping and its citations).
 *
 * <p>Order of the checks, so that a chain with one defect draws the alert of that defect: encoding
 * ({@link #parseChain}); empty chain; path ordering; signature algorithm, key and certificate version of each
 * certificate we must verify; PKIX (signatures, validity at the injected clock, anchors, CA flags, path length,
 * keyCertSign, name constraints, unknown critical extensions); the leaf's key usage and extended key usage; the name.
 *
 * <p>Revocation is not checked (no network; RFC 8446 leaves it to the application).
 */
public final class CertificateValidator {
    private static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String EKU_ANY = "2.5.29.37.0";
    private static final int KU_DIGITAL_SIGNATURE = 0;

    private final List<X509Certificate> anchors;
    private final Set<TrustAnchor> trustAnchors;
    private final Clock clock;

    /** Chains must lead to one of {@code trustAnchors}; validity is judged at {@code clock}'s current instant. */
    public CertificateValidator(Collection<X509Certificate> trustAnchors, Clock clock) {
        this.anchors = List.copyOf(trustAnchors);
        this.clock = Objects.requireNonNull(clock, "clock");
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate a : anchors) {
            set.add(new TrustAnchor(a, null));
        }
        this.trustAnchors = Set.copyOf(set);
    }

    /**
     * Decodes the cert_data of each CertificateEntry (RFC 8446 §4.4.2). Each entry must be exactly one DER-encoded
     * X.509 certificate: empty data, truncation, indefinite lengths, bytes after the certificate or contents the JDK
     * cannot parse are {@link CertificateViolation#MALFORMED_ENCODING} or {@link CertificateViolation#TRAILING_DATA}
     * ({@code bad_certificate}). An empty list decodes to an empty list: whether that is acceptable is for
     * {@link #validateServerChain} / {@link #validateClientChain} (or the handshake) to decide.
     */
    public List<X509Certificate> parseChain(List<byte[]> derCertificates) throws CertificateRejection {
        List<X509Certificate> out = new ArrayList<>(derCertificates.size());
        for (int i = 0; i < derCertificates.size(); i++) {
            out.add(parseOne(derCertificates.get(i), i));
        }
        return List.copyOf(out);
    }

    /**
     * Validates a server's chain (end-entity first, as received) for a client. {@code expectedHostOrIp} is the name
     * the client connected to: a DNS name or an IP literal; {@code null} skips the name check (the caller then
     * authenticates the server some other way).
     *
     * <p>An empty chain is rejected with {@code decode_error}: RFC 8446 §4.4.2.4 "If the server supplies an empty
     * Certificate message, the client MUST abort the handshake with a decode_error alert".
     */
    public void validateServerChain(List<X509Certificate> chain, String expectedHostOrIp) throws CertificateRejection {
        if (chain.isEmpty()) {
            throw CertificateViolation.EMPTY_SERVER_CHAIN.reject("the server sent an empty certificate list");
        }
        validate(chain, EKU_SERVER_AUTH, "serverAuth");
        if (expectedHostOrIp != null) {
            X509Certificate leaf = chain.get(0);
            boolean ok;
            try {
                ok = ServerNameMatcher.matches(leaf, expectedHostOrIp);
            } catch (CertificateParsingException | RuntimeException e) {
                throw CertificateViolation.MALFORMED_ENCODING.reject(
                        name(leaf, 0) + " has an unparseable subjectAltName extension: " + e.getMessage(), e);
            }
            if (!ok) {
                String kind = ServerNameMatcher.isIpLiteral(expectedHostOrIp) ? "IP address" : "host name";
                throw CertificateViolation.NAME_MISMATCH.reject(name(leaf, 0) + " is not valid for " + kind + " '"
                        + expectedHostOrIp + "' (it names " + ServerNameMatcher.describeNames(leaf) + ")");
            }
        }
    }

    /**
     * Validates a client's chain for a server that requires client authentication. An empty list is rejected with
     * {@code certificate_required} (RFC 8446 §4.4.2.4): a server that lets unauthenticated clients continue must
     * not call this method for an empty Certificate message.
     */
    public void validateClientChain(List<X509Certificate> chain) throws CertificateRejection {
        if (chain.isEmpty()) {
            throw CertificateViolation.EMPTY_CLIENT_CHAIN.reject("the client sent an empty certificate list");
        }
        validate(chain, EKU_CLIENT_AUTH, "clientAuth");
    }

    private void validate(List<X509Certificate> chain, String ekuOid, String ekuName) throws CertificateRejection {
        try {
            validateOrThrow(chain, ekuOid, ekuName);
        } catch (RuntimeException e) {
            // a certificate that parsed but whose contents a checker could not process: never an unchecked escape
            throw CertificateViolation.MALFORMED_ENCODING.reject("the chain starting with " + name(chain.get(0), 0)
                    + " could not be processed: " + e, e);
        }
    }

    private void validateOrThrow(List<X509Certificate> chain, String ekuOid, String ekuName)
            throws CertificateRejection {
        List<X509Certificate> path = PathOrder.order(chain, anchors);
        // The leaf itself may be a configured anchor: then PKIX has nothing to check but its validity.
        for (int i = 0; i < path.size(); i++) {
            X509Certificate c = path.get(i);
            String who = name(c, chain.indexOf(c));
            AlgorithmPolicy.checkSignatureAlgorithm(c, who);
            AlgorithmPolicy.checkPublicKey(c, who);
            if (i > 0 && c.getVersion() < 3) {
                // RFC 5280 §6.1.4 (k) allows rejecting every v1/v2 intermediate; GnuTLS accepting them as CAs
                // was CVE-2014-1959.
                throw CertificateViolation.V1_INTERMEDIATE.reject(who + " is a version " + c.getVersion()
                        + " certificate used as an intermediate CA; only v3 CA certificates may issue");
            }
        }
        X509Certificate leaf = chain.get(0);
        if (path.isEmpty()) {
            AlgorithmPolicy.checkPublicKey(leaf, name(leaf, 0));
            checkValidity(leaf);
        } else {
            pkix(path, chain);
        }
        checkLeafUsage(leaf, ekuOid, ekuName);
    }

    private void pkix(List<X509Certificate> path, List<X509Certificate> chain) throws CertificateRejection {
        if (trustAnchors.isEmpty()) {
            throw CertificateViolation.UNKNOWN_ISSUER.reject("no trust anchors are configured, so "
                    + name(path.get(path.size() - 1), chain.indexOf(path.get(path.size() - 1))) + " cannot be trusted");
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(trustAnchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX", "SUN").validate(certPath, params);
        } catch (CertPathValidatorException e) {
            throw PkixFailures.map(e, path, chain, clock.instant());
        } catch (GeneralSecurityException e) {
            throw CertificateViolation.OTHER.reject("the PKIX validator could not run: " + e, e);
        }
    }

    private void checkValidity(X509Certificate c) throws CertificateRejection {
        try {
            c.checkValidity(Date.from(clock.instant()));
        } catch (java.security.cert.CertificateExpiredException e) {
            throw CertificateViolation.EXPIRED.reject(name(c, 0) + " expired at "
                    + c.getNotAfter().toInstant() + " (now " + clock.instant() + ")");
        } catch (java.security.cert.CertificateNotYetValidException e) {
            throw CertificateViolation.NOT_YET_VALID.reject(name(c, 0) + " is not valid before "
                    + c.getNotBefore().toInstant() + " (now " + clock.instant() + ")");
        }
    }

    private static void checkLeafUsage(X509Certificate leaf, String ekuOid, String ekuName) throws CertificateRejection {
        boolean[] ku = leaf.getKeyUsage();
        if (ku != null && !ku[KU_DIGITAL_SIGNATURE]) {
            // RFC 8446 §4.4.2.2: "the digitalSignature bit MUST be set if the Key Usage extension is present"
            throw CertificateViolation.LEAF_KEY_USAGE.reject(name(leaf, 0)
                    + " has a key usage extension without digitalSignature, so its key cannot sign CertificateVerify");
        }
        List<String> eku;
        try {
            eku = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw CertificateViolation.MALFORMED_ENCODING.reject(
                    name(leaf, 0) + " has an unparseable extended key usage extension", e);
        }
        // RFC 5280 §4.2.1.12: absent means any purpose; anyExtendedKeyUsage also allows it.
        if (eku != null && !eku.contains(ekuOid) && !eku.contains(EKU_ANY)) {
            throw CertificateViolation.WRONG_EXTENDED_KEY_USAGE.reject(name(leaf, 0) + " does not allow " + ekuName
                    + " (extended key usage " + eku + ")");
        }
    }

    /** "certificate 2 (CN=x)": the position in the chain as received and the subject. */
    static String name(X509Certificate c, int position) {
        String subject = c.getSubjectX500Principal().getName();
        return (position >= 0 ? "certificate " + position : "certificate") + " (" + (subject.isEmpty()
                ? "empty subject" : subject) + ")";
    }

    private static X509Certificate parseOne(byte[] der, int index) throws CertificateRejection {
        String where = "certificate " + index;
        if (der == null || der.length == 0) {
            throw CertificateViolation.MALFORMED_ENCODING.reject(where + " is empty (0 bytes of cert_data)");
        }
        long declared = DerFrame.totalLength(der);
        if (declared == DerFrame.NOT_A_SEQUENCE) {
            throw CertificateViolation.MALFORMED_ENCODING.reject(String.format(
                    "%s does not start with a DER SEQUENCE (first byte 0x%02x)", where, der[0] & 0xff));
        }
        if (declared == DerFrame.BAD_LENGTH) {
            throw CertificateViolation.MALFORMED_ENCODING.reject(where
                    + " has a malformed or indefinite DER length (not DER, X.690 §10.1)");
        }
        if (declared > der.length) {
            throw CertificateViolation.MALFORMED_ENCODING.reject(where + " is truncated: its DER header announces "
                    + declared + " bytes but cert_data holds " + der.length);
        }
        if (declared < der.length) {
            throw CertificateViolation.TRAILING_DATA.reject(where + " has " + (der.length - declared)
                    + " bytes of trailing data after its " + declared + "-byte DER encoding");
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw CertificateViolation.MALFORMED_ENCODING.reject(where + " is not a valid X.509 certificate: "
                    + e.getMessage(), e);
        }
        try {
            if (!Arrays.equals(cert.getEncoded(), der)) {
                throw CertificateViolation.MALFORMED_ENCODING.reject(where + " is not in canonical DER form");
            }
        } catch (CertificateException e) {
            throw CertificateViolation.MALFORMED_ENCODING.reject(where + " cannot be re-encoded: " + e.getMessage(), e);
        }
        return cert;
    }
}
