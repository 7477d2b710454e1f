package tlsconf.impl.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;

/**
 * Name checks through the whole validator, on certificates built for the purpose: IP versus DNS (RFC 5280
 * §4.2.1.6, RFC 6125 §1.7.2) and the CN fallback only without subjectAltName (RFC 6125 §6.4.4).
 */
class HostNameRulesTest {
    private final TestPki pki = Fixtures.PKI;
    private final CertificateValidator validator = new CertificateValidator(List.of(pki.root(KeyType.EC_P256)),
            Fixtures.CLOCK);

    private List<X509Certificate> chainWith(String label, String cn, List<GeneralName> sans) {
        CertSpec s = pki.leafSpec(KeyType.EC_P256, Role.SERVER, label);
        s.subject = new org.bouncycastle.asn1.x500.X500Name("CN=" + cn + ",O=tlsconf");
        s.subjectAltNames = sans;
        return List.of(pki.issue(s, KeyType.EC_P256), pki.intermediate(KeyType.EC_P256));
    }

    private void accepts(List<X509Certificate> chain, String name) throws CertificateRejection {
        validator.validateServerChain(chain, name);
    }

    private void refuses(List<X509Certificate> chain, String name) {
        CertificateRejection r = assertThrows(CertificateRejection.class,
                () -> validator.validateServerChain(chain, name), name + " was accepted");
        assertEquals(CertificateViolation.NAME_MISMATCH, r.violation(), r.getMessage());
        assertEquals(AlertDescription.CERTIFICATE_UNKNOWN, r.alert());
    }

    @Test
    void ipSanMatchesOnlyIpReferences() throws CertificateRejection {
        List<X509Certificate> chain = chainWith("ip-only", "localhost",
                List.of(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        accepts(chain, "127.0.0.1");
        refuses(chain, "localhost"); // CN not consulted: a SAN is present
        refuses(chain, "127.0.0.2");
        refuses(chain, "::ffff:127.0.0.2");
    }

    @Test
    void dnsSanSpellingAnAddressDoesNotMatchTheAddress() throws CertificateRejection {
        List<X509Certificate> chain = chainWith("dns-ip", "x", List.of(new GeneralName(GeneralName.dNSName, "::1"),
                new GeneralName(GeneralName.dNSName, "10.0.0.1")));
        refuses(chain, "::1");
        refuses(chain, "[::1]");
        refuses(chain, "10.0.0.1");
    }

    @Test
    void commonNameOnlyWithoutAnySubjectAltName() throws CertificateRejection {
        List<X509Certificate> noSan = chainWith("no-san", "legacy.tlsconf.test", null);
        accepts(noSan, "legacy.tlsconf.test");
        refuses(noSan, "other.tlsconf.test");
        List<X509Certificate> ipCn = chainWith("no-san-ip", "127.0.0.1", null);
        refuses(ipCn, "127.0.0.1"); // an IP reference is matched only against iPAddress SANs
        List<X509Certificate> withSan = chainWith("san-and-cn", "legacy.tlsconf.test",
                List.of(new GeneralName(GeneralName.dNSName, "other.tlsconf.test")));
        refuses(withSan, "legacy.tlsconf.test");
        accepts(withSan, "other.tlsconf.test");
    }

    @Test
    void wildcardThroughTheValidator() throws CertificateRejection {
        List<X509Certificate> chain = chainWith("wild", "x",
                List.of(new GeneralName(GeneralName.dNSName, "*.tlsconf.test")));
        accepts(chain, "www.tlsconf.test");
        accepts(chain, "WWW.TLSCONF.TEST.");
        refuses(chain, "tlsconf.test");
        refuses(chain, "a.b.tlsconf.test");
        refuses(chain, "www.tlsconf.test.evil");
    }
}
