package tlsconf.impl.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tlsconf.model.vocabulary.AlertDescription;

/** cert_data decoding (RFC 8446 §4.4.2): exactly one DER certificate per entry, anything else bad_certificate. */
class ParseChainTest {
    private final CertificateValidator v = new CertificateValidator(
            Fixtures.PKI.serverChain(KeyType.EC_P256).trustAnchors(), Fixtures.CLOCK);
    private final byte[] leaf = Fixtures.PKI.serverChain(KeyType.EC_P256).der().get(0);

    private CertificateRejection reject(byte[] der) {
        CertificateRejection r = assertThrows(CertificateRejection.class, () -> v.parseChain(List.of(der)));
        assertEquals(AlertDescription.BAD_CERTIFICATE, r.alert(), r.getMessage());
        return r;
    }

    @Test
    void everyStrictPrefixIsRejected() {
        for (int n = 0; n < leaf.length; n++) {
            reject(Arrays.copyOf(leaf, n));
        }
    }

    @Test
    void anyTrailingByteIsRejected() {
        for (int extra = 1; extra <= 4; extra++) {
            CertificateRejection r = reject(Arrays.copyOf(leaf, leaf.length + extra));
            assertTrue(r.getMessage().contains(extra + " bytes of trailing data"), r.getMessage());
            assertEquals(CertificateViolation.TRAILING_DATA, r.violation());
        }
    }

    @Test
    void pemTextIsNotDer() {
        String pem = Pem.encode("CERTIFICATE", leaf);
        reject(pem.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void indefiniteAndNonMinimalLengthsAreNotDer() {
        reject(new byte[] {0x30, (byte) 0x80, 0x00, 0x00});
        reject(new byte[] {0x30, (byte) 0x81, 0x05, 1, 2, 3, 4, 5});
        reject(new byte[] {0x30});
    }

    /** Random mutations never escape as anything but a CertificateRejection (or, rarely, still parse). */
    @Test
    void mutatedEncodingsNeverThrowUnchecked() {
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            byte[] m = leaf.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                m[random.nextInt(m.length)] ^= (byte) (1 + random.nextInt(255));
            }
            try {
                v.validateServerChain(v.parseChain(List.of(m, Fixtures.PKI.intermediate(KeyType.EC_P256).getEncoded())),
                        "localhost");
            } catch (CertificateRejection expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            } catch (Exception e) {
                throw new AssertionError("mutation " + i + " escaped as " + e, e);
            }
        }
    }
}
