package tlsconf.conformance.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.target.Target;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Binaries;
import tlsconf.peers.Presets;

/**
 * What the bcjsse, nss and botan targets announce (built, not started): the versions they are run in, whether a
 * server requests client certificates, whether a client's chain verification can be observed; and the one-line
 * reasons of a setup that cannot work.
 */
class PresetTargetsTest {

    private static final RunOptions OPTIONS = RunOptions.defaults(1);

    private static List<Target> targets(String preset, Set<Role> roles, RunOptions options) {
        return Harnesses.create(new TargetSpec(preset, null, null, null), roles, options).stream()
                .map(Harness::target).toList();
    }

    @Test
    void aMissingBinaryNamesItsPackage() {
        assertEquals("no-such-tlsconf-peer not installed (apt-get install -y libnss3-tools)",
                Binaries.missing("libnss3-tools", "no-such-tlsconf-peer").orElseThrow());
        assertTrue(Binaries.missing("coreutils", "sh").isEmpty());
    }

    @Test
    void bcjsseRunsBothRolesInBothVersions() {
        List<Target> all = targets("bcjsse", EnumSet.allOf(Role.class), OPTIONS);
        assertEquals(4, all.size());
        for (Target t : all) {
            assertEquals("bcjsse", t.name());
            assertEquals(1, t.versions().size());
            Capability needed = t.role() == Role.SERVER ? Capability.REQUESTS_CLIENT_CERTIFICATE
                    : Capability.VERIFIES_SERVER_CERTIFICATE;
            assertTrue(t.capabilities().contains(needed), t.description() + ": " + t.capabilities());
        }
    }

    @Test
    void nssServersRequestClientCertificatesAndItsClientsVerify() {
        assumeTrue(Presets.nss().installed(), "libnss3-tools not installed");
        for (Target t : targets("nss", EnumSet.allOf(Role.class), OPTIONS)) {
            assertTrue(t.capabilities().contains(t.role() == Role.SERVER ? Capability.REQUESTS_CLIENT_CERTIFICATE
                    : Capability.VERIFIES_SERVER_CERTIFICATE), t.description());
            assertEquals(t.versions().contains(TlsVersion.TLS_1_3),
                    t.capabilities().contains(Capability.HELLO_RETRY_REQUEST), t.description());
        }
    }

    /** Botan 2.19: TLS 1.2 only, a server that asks for no client certificate, a client that never refuses a chain. */
    @Test
    void botanAnnouncesWhatItLacks() {
        assumeTrue(Presets.botan().installed(), "botan not installed");
        List<Target> all = targets("botan", EnumSet.allOf(Role.class), OPTIONS);
        assertEquals(2, all.size());
        for (Target t : all) {
            assertEquals(Set.of(TlsVersion.TLS_1_2), t.versions());
            assertFalse(t.capabilities().contains(Capability.REQUESTS_CLIENT_CERTIFICATE), t.description());
            assertFalse(t.capabilities().contains(Capability.VERIFIES_SERVER_CERTIFICATE), t.description());
            assertFalse(t.capabilities().contains(Capability.HELLO_RETRY_REQUEST), t.description());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> targets("botan",
                EnumSet.of(Role.SERVER), OPTIONS.withVersions(Set.of(TlsVersion.TLS_1_3))));
        assertEquals("botan tls_server does not speak TLS 1.3 (it speaks 1.2)", e.getMessage());
    }

    @Test
    void anUnknownPresetIsAUsageError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> targets("schannel", EnumSet.of(Role.SERVER), OPTIONS));
        assertTrue(e.getMessage().contains(
                "presets: reference, jsse, bcjsse, openssl, gnutls, nss, botan, wolfssl, mbedtls"),
                e.getMessage());
    }
}
