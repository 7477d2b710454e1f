package tlsconf.impl.cert;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tlsconf.model.vocabulary.AlertDescription;

/** The good chains of every key type pass; the usual ways of presenting them (order, extra certs) too. */
class GoodChainsTest {

    private static CertificateValidator validator(TestPki.Chain chain) {
        return new CertificateValidator(chain.trustAnchors(), Fixtures.CLOCK);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "RSA_PSS_2048", "ED25519"})
    void serverChainPassesForEveryDefaultName(KeyType type) throws CertificateRejection {
        TestPki.Chain chain = Fixtures.PKI.serverChain(type);
        CertificateValidator v = validator(chain);
        List<X509Certificate> parsed = v.parseChain(chain.der());
        assertEquals(chain.certificates(), parsed);
        for (String name : List.of("localhost", "LOCALHOST.", "127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1")) {
            assertDoesNotThrow(() -> v.validateServerChain(parsed, name), name);
        }
        v.validateServerChain(parsed, null);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "RSA_PSS_2048", "ED25519"})
    void clientChainPasses(KeyType type) throws CertificateRejection {
        TestPki.Chain chain = Fixtures.PKI.clientChain(type);
        CertificateValidator v = validator(chain);
        v.validateClientChain(v.parseChain(chain.der()));
    }

    /** RFC 5280 §4.2.1.12: a serverAuth-only leaf is not a client certificate, and vice versa. */
    @Test
    void purposesAreNotInterchangeable() {
        TestPki.Chain server = Fixtures.PKI.serverChain(KeyType.EC_P256);
        CertificateRejection r = assertThrows(CertificateRejection.class,
                () -> validator(server).validateClientChain(server.certificates()));
        assertEquals(AlertDescription.UNSUPPORTED_CERTIFICATE, r.alert());
        TestPki.Chain client = Fixtures.PKI.clientChain(KeyType.EC_P256);
        assertThrows(CertificateRejection.class, () -> validator(client).validateServerChain(client.certificates(), null));
    }

    /** RFC 8446 §4.4.2: receivers SHOULD tolerate extraneous certificates and arbitrary orderings. */
    @Test
    void extraneousAndReorderedCertificatesAreTolerated() throws CertificateRejection {
        TestPki.Chain chain = Fixtures.PKI.serverChain(KeyType.EC_P256);
        List<X509Certificate> messy = new ArrayList<>(List.of(chain.leaf(), Fixtures.PKI.root(KeyType.ED25519),
                chain.trustAnchors().get(0), chain.intermediates().get(0)));
        validator(chain).validateServerChain(messy, "localhost");
        List<X509Certificate> rev = new ArrayList<>(messy.subList(1, messy.size()));
        Collections.reverse(rev);
        rev.add(0, chain.leaf());
        validator(chain).validateServerChain(rev, "localhost");
    }

    @Test
    void missingIntermediateIsUnknownCa() {
        TestPki.Chain chain = Fixtures.PKI.serverChain(KeyType.EC_P256);
        CertificateRejection r = assertThrows(CertificateRejection.class,
                () -> validator(chain).validateServerChain(List.of(chain.leaf()), "localhost"));
        assertEquals(AlertDescription.UNKNOWN_CA, r.alert(), r.getMessage());
    }

    @Test
    void noAnchorsMeansUnknownCa() {
        TestPki.Chain chain = Fixtures.PKI.serverChain(KeyType.EC_P256);
        CertificateValidator v = new CertificateValidator(List.of(), Fixtures.CLOCK);
        assertEquals(AlertDescription.UNKNOWN_CA, assertThrows(CertificateRejection.class,
                () -> v.validateServerChain(chain.certificates(), "localhost")).alert());
    }

    /** The validator judges validity at the injected clock, not at the wall clock. */
    @Test
    void validityFollowsTheInjectedClock() {
        TestPki.Chain chain = Fixtures.PKI.serverChain(KeyType.EC_P256);
        Clock later = Clock.fixed(Fixtures.NOW.plus(Duration.ofDays(60)), ZoneOffset.UTC);
        CertificateRejection r = assertThrows(CertificateRejection.class, () -> new CertificateValidator(
                chain.trustAnchors(), later).validateServerChain(chain.certificates(), "localhost"));
        assertEquals(AlertDescription.CERTIFICATE_EXPIRED, r.alert());
        assertTrue(r.getMessage().contains("CN=localhost"), r.getMessage());
        Clock earlier = Clock.fixed(Fixtures.NOW.minus(Duration.ofDays(2)), ZoneOffset.UTC);
        assertEquals(AlertDescription.CERTIFICATE_EXPIRED, assertThrows(CertificateRejection.class,
                () -> new CertificateValidator(chain.trustAnchors(), earlier)
                        .validateServerChain(chain.certificates(), "localhost")).alert());
    }

    /** One anchor set for all key types: every good chain passes against {@link TestPki#roots()}. */
    @Test
    void allRootsTrustEveryGoodChain() throws CertificateRejection {
        CertificateValidator v = new CertificateValidator(Fixtures.PKI.roots(), Fixtures.CLOCK);
        for (KeyType t : KeyType.normal()) {
            v.validateServerChain(Fixtures.PKI.serverChain(t).certificates(), "localhost");
            v.validateClientChain(Fixtures.PKI.clientChain(t).certificates());
        }
    }

    /** Two candidate issuers with the same name: the one whose key signed the leaf is chosen. */
    @Test
    void sameNamedImpostorIntermediateIsSkipped() throws CertificateRejection {
        TestPki other = TestPki.seeded(Fixtures.SEED + 99, Fixtures.CLOCK); // same names, other keys
        TestPki.Chain chain = Fixtures.PKI.serverChain(KeyType.EC_P256);
        X509Certificate impostor = other.intermediate(KeyType.EC_P256);
        assertEquals(chain.intermediates().get(0).getSubjectX500Principal(), impostor.getSubjectX500Principal());
        validator(chain).validateServerChain(List.of(chain.leaf(), impostor, chain.intermediates().get(0)), "localhost");
    }

    /** A chain of one hierarchy is unknown to the anchors of another. */
    @Test
    void anchorsOfAnotherHierarchyDoNotCount() {
        TestPki.Chain ec = Fixtures.PKI.serverChain(KeyType.EC_P256);
        CertificateValidator v = new CertificateValidator(List.of(Fixtures.PKI.root(KeyType.ED25519)), Fixtures.CLOCK);
        assertEquals(AlertDescription.UNKNOWN_CA, assertThrows(CertificateRejection.class,
                () -> v.validateServerChain(ec.certificates(), "localhost")).alert());
    }

    /** RFC 8446 §4.4.2.4: empty server Certificate is decode_error; the client side maps to certificate_required. */
    @Test
    void emptyChains() throws CertificateRejection {
        TestPki.Chain chain = Fixtures.PKI.serverChain(KeyType.EC_P256);
        CertificateValidator v = validator(chain);
        assertEquals(List.of(), v.parseChain(List.of()));
        assertEquals(AlertDescription.DECODE_ERROR,
                assertThrows(CertificateRejection.class, () -> v.validateServerChain(List.of(), "localhost")).alert());
        assertEquals(AlertDescription.CERTIFICATE_REQUIRED,
                assertThrows(CertificateRejection.class, () -> v.validateClientChain(List.of())).alert());
    }

    @Test
    void customServerNames() throws CertificateRejection {
        TestPki.Chain chain = Fixtures.PKI.serverChain(KeyType.EC_P256, List.of("*.tlsconf.test", "10.1.2.3"));
        CertificateValidator v = validator(chain);
        v.validateServerChain(chain.certificates(), "www.tlsconf.test");
        v.validateServerChain(chain.certificates(), "10.1.2.3");
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, assertThrows(CertificateRejection.class,
                () -> v.validateServerChain(chain.certificates(), "tlsconf.test")).alert());
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, assertThrows(CertificateRejection.class,
                () -> v.validateServerChain(chain.certificates(), "10.1.2.4")).alert());
    }

    @Test
    void unrelatedKeyPairIsNotTheLeafKey() {
        TestPki.Chain chain = Fixtures.PKI.serverChain(KeyType.EC_P256);
        var other = Fixtures.PKI.unrelatedKeyPair(KeyType.EC_P256);
        assertEquals(chain.leafKey().getAlgorithm(), other.getPrivate().getAlgorithm());
        assertTrue(Credentials.keyMatches(chain.leafKey(), chain.leaf().getPublicKey()));
        assertTrue(!Credentials.keyMatches(other.getPrivate(), chain.leaf().getPublicKey()));
        assertTrue(Credentials.keyMatches(other.getPrivate(), other.getPublic()));
    }
}
