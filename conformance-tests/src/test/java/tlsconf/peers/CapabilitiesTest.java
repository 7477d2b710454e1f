package tlsconf.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import tlsconf.model.vocabulary.Role;

class CapabilitiesTest {

    @Test
    void jsseOnJava17CannotPinGroupsAndSaysSo() {
        Capabilities jsse = Presets.jsse().capabilities(Role.SERVER);
        PeerConfig pinned = PeerConfig.builder().groups(Group.SECP256R1).build();
        Optional<String> reason = jsse.unsupported(pinned);
        assertEquals(Runtime.version().feature() < 20, reason.isPresent(), reason.toString());
        reason.ifPresent(r -> assertTrue(r.contains("cannot be limited to chosen groups"), r));
    }

    @Test
    void opensslServerSupportsTheWholeMatrix() {
        PeerConfig all = PeerConfig.builder().suites(Suite.values()).groups(Group.X25519, Group.SECP256R1)
                .schemes(SigScheme.values()).clientAuth(ClientAuthMode.REQUIRE).build();
        assertEquals(Optional.empty(), Presets.openssl().capabilities(Role.SERVER).unsupported(all));
    }

    @Test
    void onlyOpensslClientsKeepSessionFiles() {
        PeerConfig resume = PeerConfig.builder().sessionIn(java.nio.file.Path.of("s.pem")).build();
        assertEquals(Optional.empty(), Presets.openssl().capabilities(Role.CLIENT).unsupported(resume));
        assertTrue(Presets.gnutls().capabilities(Role.CLIENT).unsupported(resume).isPresent());
    }
}
