package tlsconf.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderErrorsTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            {"kind": "kdf", "id": "test/one", "description": "d",
             "source": {"name": "RFC 5869", "section": "A.1", "license": "IETF"},
             "cases": [{"id": "c1", "algorithm": "hkdf-sha256", "ikm": "0b0b", "salt": "", "info": "",
                        "length": 2, "okm": "aabb"}]}
            """;

    private LoadResult load(String... namesAndTexts) throws IOException {
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            Files.writeString(dir.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
        }
        return VectorLoader.load(List.of(dir));
    }

    private static void assertError(LoadResult r, String file, String pointer, String reasonPart) {
        assertTrue(r.errors().stream().anyMatch(e -> e.file().endsWith(file) && e.pointer().equals(pointer)
                && e.reason().contains(reasonPart)), "expected " + file + " " + pointer + " '" + reasonPart
                + "' in " + r.errors());
    }

    @Test
    void aGoodFileLoadsTyped() throws IOException {
        LoadResult r = load("a.json", GOOD);
        assertTrue(r.valid(), r.errors().toString());
        assertEquals(1, r.files().size());
        VectorFile f = r.files().get(0);
        assertEquals(Kind.KDF, f.kind());
        assertEquals("RFC 5869 §A.1", f.source().toString());
        tlsconf.vectors.kind.Kdf.Hkdf c = (tlsconf.vectors.kind.Kdf.Hkdf) ((tlsconf.vectors.kind.Kdf) f.body()).cases().get(0);
        assertEquals(2, c.ikm().length());
        assertEquals(0x0b, c.ikm().get(1));
    }

    @Test
    void everyProblemIsReportedWithFileAndPointer() throws IOException {
        String bad = """
                {"kind": "kdf", "id": "test/bad", "description": 7,
                 "source": {"section": "A.1", "license": "IETF"},
                 "cases": [{"id": "c1", "algorithm": "hkdf-sha256", "ikm": "0b0g", "salt": "", "info": "abc",
                            "length": "two", "okm": "aabb", "okn": ""}]}
                """;
        LoadResult r = load("bad.json", bad);
        assertFalse(r.valid());
        assertTrue(r.files().isEmpty());
        assertError(r, "bad.json", "/description", "expected a string");
        assertError(r, "bad.json", "/source/name", "missing");
        assertError(r, "bad.json", "/cases/0/ikm", "not a hex digit 'g'");
        assertError(r, "bad.json", "/cases/0/info", "odd number of hex digits");
        assertError(r, "bad.json", "/cases/0/length", "expected an integer");
        assertError(r, "bad.json", "/cases/0/okn", "unknown field");
        assertError(r, "bad.json", "/cases/0/okm", "has 2 bytes but length is 0");
        assertEquals(7, r.errors().size(), r.errors().toString());
    }

    @Test
    void unknownKindBadJsonAndDuplicateIds() throws IOException {
        LoadResult r = load("a.json", GOOD, "b.json", GOOD, "c.json",
                "{\"kind\": \"kdff\", \"id\": \"x\", \"description\": \"\", \"source\": {\"name\": \"n\", \"license\": \"l\"}}",
                "d.json", "{\"kind\": \"kdf\",", "notes.txt", "ignored");
        assertError(r, "b.json", "/id", "duplicate id 'test/one'");
        assertError(r, "c.json", "/kind", "unknown kind 'kdff'");
        assertError(r, "d.json", "", "not valid JSON");
        // The duplicate is still returned so its replay can show what differs.
        assertEquals(2, r.files().size());
    }

    @Test
    void aNegativeVectorMustPointAtAnExistingValue() throws IOException {
        String neg = """
                {"kind": "negative", "id": "neg/x", "description": "d", "source": {"name": "n", "license": "l"},
                 "base": "rfc8448/3-simple-1rtt", "mutation": {"step": 18, "label": "Finishd", "offset": 4, "xor": "01"},
                 "acceptableAlerts": ["decrypt_error"], "requirement": "r"}
                """;
        LoadResult r = load("neg.json", neg, "neg2.json", neg.replace("neg/x", "neg/y").replace("rfc8448/3", "rfc8448/9"));
        assertError(r, "neg.json", "/mutation/label", "has no value 'Finishd'");
        assertError(r, "neg2.json", "/base", "no transcript with id 'rfc8448/9-simple-1rtt'");
    }

    @Test
    void recordingConnectionsAndWycheproofCountsAreChecked() throws IOException {
        String rec = """
                {"kind": "recording", "id": "rec/x", "description": "d", "source": {"name": "n", "license": "l"},
                 "peer": {"name": "openssl s_server", "version": "3.0.19", "command": "c"},
                 "configuration": {"role": "client"},
                 "flows": [{"from": "us", "bytes": "16"}, {"from": "peer", "bytes": "16", "connection": 2},
                           {"from": "them", "bytes": "16"}]}
                """;
        String wp = """
                {"algorithm": "HKDF-SHA-256", "schema": "hkdf_test_schema_v1.json", "numberOfTests": 2,
                 "testGroups": [{"type": "HkdfTest", "keySize": 128, "tests": [
                   {"tcId": 1, "comment": "", "flags": [], "ikm": "0b", "salt": "", "info": "", "size": 1,
                    "okm": "0q", "result": "valid"}]}]}
                """;
        LoadResult r = load("rec.json", rec, "hkdf_test.json", wp);
        assertError(r, "rec.json", "/flows/1/connection", "numbered 0, 1, ... in order");
        assertError(r, "rec.json", "/flows/2/from", "unknown value 'them'");
        assertError(r, "hkdf_test.json", "/numberOfTests", "says 2 but the groups hold 1 tests");
        assertError(r, "hkdf_test.json", "/testGroups/0/tests/0/okm", "bad hex");
    }

    @Test
    void aMissingPathIsNotAVectorError() {
        assertThrows(VectorLoader.UnreadablePathException.class,
                () -> VectorLoader.load(List.of(dir.resolve("nope"))));
    }

    @Test
    void hexAllowsWhitespaceAndRejectsOddLength() {
        assertEquals("0a0b", Bytes.fromHex("0a 0B\n").hex());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("abc"));
        assertTrue(e.getMessage().contains("odd"));
    }
}
