package tlsconf.impl.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;

/** Every defect class is rejected by our validator with an alert from the defect's RFC-derived set. */
class CertificateDefectTest {

    static Stream<Arguments> defects() {
        List<Arguments> out = new ArrayList<>();
        for (CertificateDefect d : CertificateDefect.values()) {
            for (Role r : Role.values()) {
                if (d.appliesTo(r)) {
                    out.add(Arguments.of(d, r));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} presented by {1}")
    @MethodSource("defects")
    void rejectedWithAnExpectedAlert(CertificateDefect defect, Role presentedBy) {
        DefectiveChain bad = Fixtures.PKI.defective(defect, presentedBy);
        CertificateValidator v = new CertificateValidator(bad.trustAnchors(), Fixtures.CLOCK);
        CertificateRejection r = assertThrows(CertificateRejection.class, () -> {
            List<X509Certificate> chain = v.parseChain(bad.der());
            if (presentedBy == Role.SERVER) {
                v.validateServerChain(chain, bad.peerName());
            } else {
                v.validateClientChain(chain);
            }
        }, defect + " was accepted");
        assertTrue(defect.expectedAlerts(presentedBy).contains(r.alert()),
                defect + ": got " + r.alert() + " (" + r.getMessage() + "), expected one of "
                        + defect.expectedAlerts(presentedBy));
        assertFalse(r.getMessage().isBlank());
    }

    /**
     * Which violation each defect must be reported as: the specific reason, not just any rejection. Written by
     * hand from the defect's definition.
     */
    private static final Map<CertificateDefect, CertificateViolation> REASON = Map.ofEntries(
            Map.entry(CertificateDefect.EXPIRED, CertificateViolation.EXPIRED),
            Map.entry(CertificateDefect.NOT_YET_VALID, CertificateViolation.NOT_YET_VALID),
            Map.entry(CertificateDefect.WRONG_HOST_NAME, CertificateViolation.NAME_MISMATCH),
            Map.entry(CertificateDefect.IP_IN_DNS_NAME_SAN, CertificateViolation.NAME_MISMATCH),
            Map.entry(CertificateDefect.WILDCARD_NOT_LEFTMOST, CertificateViolation.NAME_MISMATCH),
            Map.entry(CertificateDefect.WILDCARD_SPANS_TWO_LABELS, CertificateViolation.NAME_MISMATCH),
            Map.entry(CertificateDefect.UNKNOWN_CA, CertificateViolation.UNKNOWN_ISSUER),
            Map.entry(CertificateDefect.SELF_SIGNED_LEAF, CertificateViolation.UNKNOWN_ISSUER),
            Map.entry(CertificateDefect.BAD_SIGNATURE, CertificateViolation.BAD_SIGNATURE),
            Map.entry(CertificateDefect.INTERMEDIATE_NOT_CA, CertificateViolation.NOT_A_CA),
            Map.entry(CertificateDefect.PATH_LENGTH_EXCEEDED, CertificateViolation.PATH_LENGTH_EXCEEDED),
            Map.entry(CertificateDefect.MISSING_KEY_CERT_SIGN, CertificateViolation.CA_KEY_USAGE),
            Map.entry(CertificateDefect.V1_INTERMEDIATE, CertificateViolation.V1_INTERMEDIATE),
            Map.entry(CertificateDefect.NAME_CONSTRAINTS_VIOLATION, CertificateViolation.NAME_CONSTRAINTS),
            Map.entry(CertificateDefect.UNKNOWN_CRITICAL_EXTENSION, CertificateViolation.UNKNOWN_CRITICAL_EXTENSION),
            Map.entry(CertificateDefect.WRONG_EXTENDED_KEY_USAGE, CertificateViolation.WRONG_EXTENDED_KEY_USAGE),
            Map.entry(CertificateDefect.LEAF_MISSING_DIGITAL_SIGNATURE, CertificateViolation.LEAF_KEY_USAGE),
            Map.entry(CertificateDefect.RSA_1024_KEY, CertificateViolation.WEAK_KEY),
            Map.entry(CertificateDefect.SHA1_SIGNATURE, CertificateViolation.SHA1_SIGNATURE),
            Map.entry(CertificateDefect.MD5_SIGNATURE, CertificateViolation.MD5_SIGNATURE),
            Map.entry(CertificateDefect.TRUNCATED_DER, CertificateViolation.MALFORMED_ENCODING),
            Map.entry(CertificateDefect.TRAILING_GARBAGE, CertificateViolation.TRAILING_DATA));

    @ParameterizedTest(name = "{0} presented by {1}")
    @MethodSource("defects")
    void rejectedForTheRightReason(CertificateDefect defect, Role presentedBy) {
        DefectiveChain bad = Fixtures.PKI.defective(defect, presentedBy);
        CertificateValidator v = new CertificateValidator(bad.trustAnchors(), Fixtures.CLOCK);
        CertificateRejection r = assertThrows(CertificateRejection.class, () -> {
            List<X509Certificate> chain = v.parseChain(bad.der());
            if (presentedBy == Role.SERVER) {
                v.validateServerChain(chain, bad.peerName());
            } else {
                v.validateClientChain(chain);
            }
        });
        CertificateViolation expected = defect == CertificateDefect.EMPTY_CERTIFICATE_LIST
                ? (presentedBy == Role.SERVER ? CertificateViolation.EMPTY_SERVER_CHAIN
                        : CertificateViolation.EMPTY_CLIENT_CHAIN)
                : REASON.get(defect);
        assertEquals(expected, r.violation(), defect + ": " + r.getMessage());
    }

    /** A target configured once with {@link TestPki#roots()} sees every defect exactly as with its own anchors. */
    @ParameterizedTest(name = "{0} presented by {1}")
    @MethodSource("defects")
    void oneCaFileServesEveryDefect(CertificateDefect defect, Role presentedBy) {
        DefectiveChain bad = Fixtures.PKI.defective(defect, presentedBy);
        assertTrue(Fixtures.PKI.roots().containsAll(bad.trustAnchors()), defect.toString());
        CertificateValidator v = new CertificateValidator(Fixtures.PKI.roots(), Fixtures.CLOCK);
        CertificateRejection r = assertThrows(CertificateRejection.class, () -> {
            List<X509Certificate> chain = v.parseChain(bad.der());
            if (presentedBy == Role.SERVER) {
                v.validateServerChain(chain, bad.peerName());
            } else {
                v.validateClientChain(chain);
            }
        }, defect + " was accepted against all roots");
        assertTrue(defect.expectedAlerts(presentedBy).contains(r.alert()), defect + ": " + r.getMessage());
    }

    @Test
    void catalogueHasAtLeastTwentyTwoClassesEachWithSourceAndAlerts() {
        assertTrue(CertificateDefect.values().length >= 22);
        for (CertificateDefect d : CertificateDefect.values()) {
            assertTrue(d.appliesTo(Role.SERVER), d + " must apply to server chains");
            assertFalse(d.source().isBlank(), d + " needs a source");
            assertTrue(d.expectedAlerts(Role.SERVER).contains(d.primaryAlert(Role.SERVER)));
        }
    }

    /** Alerts the RFC prescribes by name must be the only accepted ones (RFC 8446 §4.4.2.4). */
    @Test
    void rfcPrescribedAlertsAreExact() {
        assertEquals(Set.of(AlertDescription.DECODE_ERROR),
                CertificateDefect.EMPTY_CERTIFICATE_LIST.expectedAlerts(Role.SERVER));
        assertEquals(Set.of(AlertDescription.CERTIFICATE_REQUIRED),
                CertificateDefect.EMPTY_CERTIFICATE_LIST.expectedAlerts(Role.CLIENT));
        assertEquals(Set.of(AlertDescription.BAD_CERTIFICATE), CertificateDefect.MD5_SIGNATURE.expectedAlerts(Role.SERVER));
        assertEquals(Set.of(AlertDescription.BAD_CERTIFICATE), CertificateDefect.SHA1_SIGNATURE.expectedAlerts(Role.SERVER));
        assertEquals(Set.of(AlertDescription.CERTIFICATE_EXPIRED), CertificateDefect.EXPIRED.expectedAlerts(Role.CLIENT));
        assertEquals(Set.of(AlertDescription.UNKNOWN_CA), CertificateDefect.UNKNOWN_CA.expectedAlerts(Role.SERVER));
    }

    @Test
    void nameDefectsDoNotApplyToClientChains() {
        Set<CertificateDefect> serverOnly = EnumSet.of(CertificateDefect.WRONG_HOST_NAME,
                CertificateDefect.IP_IN_DNS_NAME_SAN, CertificateDefect.WILDCARD_NOT_LEFTMOST,
                CertificateDefect.WILDCARD_SPANS_TWO_LABELS);
        for (CertificateDefect d : CertificateDefect.values()) {
            assertEquals(!serverOnly.contains(d), d.appliesTo(Role.CLIENT), d.toString());
        }
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.PKI.defective(CertificateDefect.WRONG_HOST_NAME, Role.CLIENT));
    }

    @Test
    void everyDefectiveChainButTheEmptyOneCarriesTheLeafKey() {
        for (DefectiveChain d : Fixtures.PKI.defects(Role.SERVER)) {
            assertEquals(d.defect() != CertificateDefect.EMPTY_CERTIFICATE_LIST, d.leafKey().isPresent(), d.toString());
            assertEquals(d.defect() == CertificateDefect.EMPTY_CERTIFICATE_LIST, d.encodedCertificates().isEmpty());
        }
    }
}
