package tlsconf.conformance.check.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.conformance.check.Catalogue;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.LengthFields;
import tlsconf.conformance.scenario.Mutation;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The ClientHello length-field scenarios of tls13.message.length-mismatch say which field they change, change only
 * that one, and never hand the target a ClientHello the implementation's own server would still take.
 */
class HelloLengthsTest {
    private static List<Scenario> lengthScenarios() {
        return Catalogue.all().stream().filter(c -> c.id().equals("tls13.message.length-mismatch")).findFirst()
                .orElseThrow().scenarios(TlsVersion.TLS_1_3, Role.SERVER, Profile.DEFAULT, 1).stream()
                .filter(s -> s.faults().get(0) instanceof Fault.Mutate m
                        && m.mutation() instanceof Mutation.LengthField)
                .toList();
    }

    @Test
    void eachScenarioNamesTheFieldItChanges() {
        List<String> described = lengthScenarios().stream().map(s -> s.faults().get(0).describe()).toList();
        assertTrue(described.contains("ClientHello.cipher_suites length +1"), described.toString());
        assertTrue(described.contains("ClientHello.key_share.key_exchange length -1"), described.toString());
        assertTrue(described.stream().noneMatch(d -> d.contains("fixed byte")), described.toString());
    }

    @Test
    void theUnchangedHelloIsWellFormedAndNoGeneratedChangeIs() {
        byte[] body = HelloLengths.peerClientHello("localhost");
        assertTrue(HelloLengths.wellFormed(body), "the peer's own ClientHello is taken by the reference server");
        for (Scenario s : lengthScenarios()) {
            Mutation m = ((Fault.Mutate) s.faults().get(0)).mutation();
            byte[] changed = m.apply(HandshakeType.CLIENT_HELLO, body);
            assertFalse(HelloLengths.wellFormed(changed), m.describe());
            int diff = 0;
            for (int i = 0; i < body.length; i++) {
                diff += body[i] != changed[i] ? 1 : 0;
            }
            assertTrue(diff >= 1 && diff <= 2, m.describe() + " changes only its field");
        }
    }

    @Test
    void aFieldTheMessageLacksIsAClearError() {
        byte[] body = HelloLengths.peerClientHello("localhost");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Mutation.LengthField("cookie extension length", 1).apply(HandshakeType.CLIENT_HELLO, body));
        assertTrue(e.getMessage().contains("cookie extension length"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Mutation.LengthField("cipher_suites length", 1).apply(HandshakeType.SERVER_HELLO, body));
        assertEquals("cipher_suites length", LengthFields.find(body, "cipher_suites length").name());
    }
}
