package tlsconf.vectorrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.VectorLoader;
import tlsconf.vectors.json.Problems;

/** A KDF vector whose expected output is wrong by one byte must fail, naming the case and the byte. */
class KdfReplayTest {
    private static List<Outcome> run(String cases) {
        String text = "{\"kind\": \"kdf\", \"id\": \"t/kdf\", \"description\": \"d\", \"source\": {\"name\": \"RFC 5869\", "
                + "\"license\": \"IETF\"}, \"cases\": [" + cases + "]}";
        Problems p = new Problems("t.json");
        Optional<VectorFile> f = VectorLoader.parse("t.json", "t.json", text, p);
        assertTrue(f.isPresent(), p.errors().toString());
        return VectorRunner.run(f.get());
    }

    // RFC 5869 A.1, OKM with its last byte changed from 65 to 66.
    private static final String A1 = "{\"id\": \"A.1\", \"algorithm\": \"hkdf-sha256\", "
            + "\"ikm\": \"0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b\", \"salt\": \"000102030405060708090a0b0c\", "
            + "\"info\": \"f0f1f2f3f4f5f6f7f8f9\", \"length\": 42, \"okm\": "
            + "\"3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185866\"}";

    @Test
    void rfc5869A1PassesAndAFlippedByteFails() {
        assertEquals(Outcome.Status.PASSED, run(A1.replace("5866\"", "5865\"")).get(0).status());
        Outcome bad = run(A1).get(0);
        assertEquals(Outcome.Status.FAILED, bad.status(), bad.line());
        assertTrue(bad.detail().contains("t/kdf#A.1 okm: differs at byte 41"), bad.line());
    }

    @Test
    void aTls12PrfCaseWithAWrongOutputFails() {
        String prf = "{\"id\": \"p\", \"algorithm\": \"tls12-prf-sha256\", \"secret\": \"0102\", \"label\": \"x\", "
                + "\"seed\": \"0304\", \"length\": 2, \"output\": \"0000\"}";
        Outcome o = run(prf).get(0);
        assertEquals(Outcome.Status.FAILED, o.status(), o.line());
    }
}
