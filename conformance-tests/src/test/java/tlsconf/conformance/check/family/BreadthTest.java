package tlsconf.conformance.check.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.check.Catalogue;
import tlsconf.conformance.check.Check;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.LengthFields;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The widened default profile tests distinct things: no check repeats a scenario, the exhaustive families cover
 * their whole space, and the quick profile (run against real peers in the build) stays as small as it was.
 */
class BreadthTest {

    private static List<Scenario> scenarios(String id, Role role, Profile profile) {
        Check c = Catalogue.all().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return c.scenarios(TlsVersion.TLS_1_3, role, profile, 1);
    }

    @Test
    void noCheckPlaysTheSameScenarioTwice() {
        for (Check c : Catalogue.all()) {
            if (c.pending() != null) {
                continue;
            }
            for (TlsVersion v : c.applicability().versions()) {
                for (Role r : c.applicability().targetRoles()) {
                    for (Profile p : Profile.values()) {
                        Set<List<Object>> seen = new HashSet<>();
                        for (Scenario s : c.scenarios(v, r, p, 1)) {
                            assertTrue(seen.add(List.of(s.options(), s.faults())),
                                    c.id() + " " + r + " " + v + " " + p + " repeats " + s.describe());
                        }
                    }
                }
            }
        }
    }

    @Test
    void quickProfileKeepsItsSize() {
        assertEquals(16, scenarios("tls13.finished.corrupted", Role.SERVER, Profile.QUICK).size());
        assertEquals(3, scenarios("tls13.finished.wrong-length", Role.SERVER, Profile.QUICK).size());
        assertEquals(2, scenarios("tls13.order.ccs-bad-value", Role.CLIENT, Profile.QUICK).size());
        assertEquals(1, scenarios("tls13.record.fragmented-handshake", Role.SERVER, Profile.QUICK).size());
        assertEquals(2, scenarios("tls13.record.unknown-content-type", Role.SERVER, Profile.QUICK).size());
        assertEquals(4, scenarios("tls13.record.bad-mac", Role.SERVER, Profile.QUICK).size());
        assertEquals(2, scenarios("tls13.message.length-mismatch", Role.SERVER, Profile.QUICK).size());
        assertEquals(2, scenarios("tls13.message.unknown-extension", Role.SERVER, Profile.QUICK).size());
        assertEquals(0, scenarios("tls13.order.model-deviations-client-auth", Role.SERVER, Profile.QUICK).size());
    }

    @Test
    void exhaustiveFamiliesCoverTheirSpace() {
        // Every bit of the 53-byte protected Finished.
        Set<Integer> bits = new HashSet<>();
        for (Scenario s : scenarios("tls13.record.bad-mac", Role.CLIENT, Profile.DEFAULT)) {
            bits.add(((Fault.CorruptCiphertext) s.faults().get(0)).bit());
        }
        assertEquals(53 * 8, bits.size());
        // Every content type byte but the six assigned ones, outside and inside the protection.
        Set<Integer> types = new HashSet<>();
        for (Scenario s : scenarios("tls13.record.unknown-content-type", Role.SERVER, Profile.DEFAULT)) {
            types.add(((Fault.Inject) s.faults().get(0)).contentType());
        }
        assertEquals(256 - 6, types.size());
        assertFalse(types.contains(20) || types.contains(23) || types.contains(24) || types.contains(25));
        // Every change_cipher_spec byte but 0x01, then 0x0101 and the other lengths (empty, 0x0100, 0x010101).
        assertEquals(255 + 1 + 3, scenarios("tls13.order.ccs-bad-value", Role.SERVER, Profile.DEFAULT).size());
        // Every wrong verify_data length from 0 to 64 bytes.
        assertEquals(64, scenarios("tls13.finished.wrong-length", Role.SERVER, Profile.DEFAULT).size());
    }

    @Test
    void everyLengthFieldOfThePeersClientHelloIsFound() {
        byte[] body = HelloLengths.peerClientHello("localhost");
        List<LengthFields.Field> fields = HelloLengths.of(body);
        List<String> names = fields.stream().map(LengthFields.Field::name).toList();
        assertTrue(names.containsAll(List.of("legacy_session_id length", "cipher_suites length",
                "legacy_compression_methods length", "extensions length", "supported_versions.versions length",
                "key_share.key_exchange length", "server_name.host_name length", "key_share extension length")),
                names.toString());
        for (LengthFields.Field f : fields) {
            byte[] longer = f.apply(body, 1);
            // Only the field changes, and only by one.
            int diff = 0;
            for (int i = 0; i < body.length; i++) {
                diff += body[i] != longer[i] ? 1 : 0;
            }
            assertTrue(diff >= 1 && diff <= f.size(), f.name());
        }
        LengthFields.Field sid = fields.get(0);
        assertEquals(0, sid.value(), "the peer sends an empty legacy_session_id");
        assertEquals(null, sid.apply(body, -1), "a zero length cannot be one shorter");
        // Each field once shorter and once longer (the empty session id only longer).
        assertEquals(2 * fields.size() - 1,
                scenarios("tls13.message.length-mismatch", Role.SERVER, Profile.DEFAULT).size() - 2);
    }
}
