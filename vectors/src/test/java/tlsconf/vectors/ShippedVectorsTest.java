package tlsconf.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tlsconf.vectors.kind.Kdf;
import tlsconf.vectors.kind.Wycheproof;

class ShippedVectorsTest {
    @Test
    void everyShippedFileIsValidAndNamesItsSourceAndLicense() {
        LoadResult r = VectorLoader.loadShipped();
        assertTrue(r.valid(), () -> String.join("\n", r.errors().stream().map(Object::toString).toList()));
        Map<Kind, Integer> perKind = new TreeMap<>();
        for (VectorFile f : r.files()) {
            perKind.merge(f.kind(), 1, Integer::sum);
            assertTrue(!f.source().name().isBlank() && !f.source().license().isBlank(), f.location());
        }
        assertEquals(5, perKind.get(Kind.TRANSCRIPT), perKind.toString());
        assertEquals(13, perKind.get(Kind.WYCHEPROOF), perKind.toString());
        assertTrue(perKind.get(Kind.KDF) >= 2, perKind.toString());
        assertTrue(perKind.get(Kind.RECORDING) >= 12, perKind.toString());
        assertTrue(perKind.get(Kind.NEGATIVE) >= 6, perKind.toString());
        assertEquals(1, perKind.get(Kind.CERTIFICATE), perKind.toString());
    }

    @Test
    void kdfCaseCounts() {
        LoadResult r = VectorLoader.loadShipped();
        Map<String, Integer> cases = new TreeMap<>();
        for (VectorFile f : r.files()) {
            if (f.body() instanceof Kdf k) {
                cases.put(f.id(), k.cases().size());
            }
        }
        assertEquals(7, cases.get("rfc5869/hkdf"));
        assertEquals(12, cases.get("tls12-prf/openssl-3.0.19"));
    }

    @Test
    void wycheproofCountsMatchTheirHeaders() {
        for (VectorFile f : VectorLoader.loadShipped().files()) {
            if (f.body() instanceof Wycheproof w) {
                int n = w.groups().stream().mapToInt(g -> g.tests().size()).sum();
                assertEquals(w.numberOfTests(), n, f.id());
            }
        }
    }
}
