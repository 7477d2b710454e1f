package tlsconf.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * A capability is needed (missing: skipped); a limitation excludes (announced: skipped). The FREAK check needs a
 * client that offers an RSA key-transport suite: skipped, with the reason, for a target announcing it offers none,
 * and played for targets that announce nothing (the reference client, a --client-command).
 */
class ApplicabilityTest {
    private static final Check FREAK = Catalogue.all().stream()
            .filter(c -> c.id().equals("tls12.order.server-key-exchange-under-rsa")).findFirst().orElseThrow();

    @Test
    void theFreakCheckIsSkippedOnlyForAClientThatAnnouncesNoRsaKeyTransport() {
        Set<Capability> plain = EnumSet.of(Capability.OBSERVABLE_COMPLETION);
        Set<Capability> limited = EnumSet.of(Capability.OBSERVABLE_COMPLETION, Capability.NO_RSA_KEY_TRANSPORT);
        assertEquals(Optional.empty(), FREAK.applicability().reasonNotApplicable(TlsVersion.TLS_1_2, Role.CLIENT,
                plain));
        Optional<String> why = FREAK.applicability().reasonNotApplicable(TlsVersion.TLS_1_2, Role.CLIENT, limited);
        assertEquals(Optional.of(Capability.NO_RSA_KEY_TRANSPORT.missingReason()), why);
        assertTrue(why.get().contains("TLS_RSA_WITH_"), why.get());
    }

    @Test
    void aLimitationIsNeverNeededAndACapabilityNeverExcludes() {
        assertThrows(IllegalArgumentException.class, () -> new Applicability(EnumSet.of(TlsVersion.TLS_1_2),
                EnumSet.of(Role.CLIENT), EnumSet.of(Capability.NO_RSA_KEY_TRANSPORT)));
        Applicability a = new Applicability(EnumSet.of(TlsVersion.TLS_1_2), EnumSet.of(Role.CLIENT),
                EnumSet.of(Capability.OBSERVABLE_COMPLETION));
        assertThrows(IllegalArgumentException.class, () -> a.excludedBy(Capability.HELLO_RETRY_REQUEST));
    }

    @Test
    void onlyTheKeySizeSha1AndWildcardChecksAreAdvisory() {
        for (Check c : Catalogue.all()) {
            // rsa-1024-key: a policy; sha1-signature: RFC 8446 §4.4.2.4 RECOMMENDED; wildcards: RFC 6125 §6.4.3
            // SHOULD NOT
            boolean expected = c.id().endsWith(".rsa-1024-key") || c.id().endsWith(".sha1-signature")
                    || c.id().endsWith(".wildcard-not-leftmost") || c.id().endsWith(".wildcard-spans-two-labels");
            assertEquals(expected, c.requirement().advisory(), c.id());
            // Only an RFC MUST may read as one.
            assertEquals(!expected, c.requirement().text().contains("MUST NOT accept")
                    || !c.id().contains(".certificate."), c.id() + ": " + c.requirement().text());
        }
        Check key = Catalogue.all().stream().filter(c -> c.id().equals("tls13.certificate.rsa-1024-key"))
                .findFirst().orElseThrow();
        assertEquals(new Requirement.Policy("CA/Browser Forum Baseline Requirements §6.1.5; NIST SP 800-131A"),
                key.requirement().kind());
    }
}
