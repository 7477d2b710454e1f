package tlsconf.impl.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.model.vocabulary.Role;

/** Same seed and clock: the same bytes, whatever order things are generated in. */
class DeterminismTest {

    private static void assertSameDer(List<byte[]> a, List<byte[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "entry " + i);
        }
    }

    @Test
    void seededPkiIsReproducibleInAnyOrder() {
        TestPki first = TestPki.seeded(Fixtures.SEED, Fixtures.CLOCK);
        TestPki second = TestPki.seeded(Fixtures.SEED, Fixtures.CLOCK);
        // different generation order on purpose
        List<byte[]> defectA = first.defective(CertificateDefect.SHA1_SIGNATURE, Role.SERVER).der();
        List<byte[]> ecA = first.serverChain(KeyType.EC_P256).der();
        List<byte[]> edA = first.serverChain(KeyType.ED25519).der();
        List<byte[]> edB = second.serverChain(KeyType.ED25519).der();
        List<byte[]> ecB = second.serverChain(KeyType.EC_P256).der();
        List<byte[]> defectB = second.defective(CertificateDefect.SHA1_SIGNATURE, Role.SERVER).der();
        assertSameDer(ecA, ecB);
        assertSameDer(edA, edB);
        assertSameDer(defectA, defectB);
        assertArrayEquals(first.serverChain(KeyType.EC_P256).leafKey().getEncoded(),
                second.serverChain(KeyType.EC_P256).leafKey().getEncoded());
    }

    /** The key cache must not be what makes keys reproducible: generation itself is. */
    @Test
    void keyGenerationIsDeterministicWithoutTheCache() {
        for (KeyType t : new KeyType[] {KeyType.EC_P256, KeyType.ED25519, KeyType.RSA_1024}) {
            var a = TestPki.generate(t, new SeededRandom(7, "probe"));
            var b = TestPki.generate(t, new SeededRandom(7, "probe"));
            var c = TestPki.generate(t, new SeededRandom(8, "probe"));
            assertArrayEquals(a.getPrivate().getEncoded(), b.getPrivate().getEncoded(), t.toString());
            assertFalse(Arrays.equals(a.getPrivate().getEncoded(), c.getPrivate().getEncoded()), t.toString());
        }
    }

    @Test
    void anotherSeedGivesOtherKeys() {
        TestPki other = TestPki.seeded(Fixtures.SEED + 1, Fixtures.CLOCK);
        assertFalse(Arrays.equals(Fixtures.PKI.serverChain(KeyType.EC_P256).leafKey().getEncoded(),
                other.serverChain(KeyType.EC_P256).leafKey().getEncoded()));
    }

    @Test
    void validityIsRelativeToTheClock() {
        assertEquals(Fixtures.NOW, Fixtures.PKI.issuedAt());
        var leaf = Fixtures.PKI.serverChain(KeyType.EC_P256).leaf();
        assertEquals(Fixtures.NOW.minusSeconds(86_400), leaf.getNotBefore().toInstant());
        assertEquals(Fixtures.NOW.plusSeconds(30 * 86_400), leaf.getNotAfter().toInstant());
    }
}
