/*
 * Extracts the HKDF test cases of RFC 5869 Appendix A (A.1-A.7) into one tlsconf kdf vector file. Run by hand;
 * its output is committed:
 *
 *   java vectors/scripts/ExtractRfc5869.java /work/shared/rfc/rfc5869.txt vectors/src/main/resources/vectors/rfc5869
 *
 * Each case is "Hash = ...", then "NAME = 0x..." lines (hex may continue on lines indented by ten spaces) with
 * "(N octets)" after the last part; lengths are checked against it. Anything unexpected stops the script.
 */
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ExtractRfc5869 {
    static final Pattern CASE = Pattern.compile("^A\\.(\\d)\\.  Test Case (\\d)$");
    static final Pattern FIELD = Pattern.compile("^   (Hash|IKM|salt|info|L|PRK|OKM) *= (.*)$");
    static final Pattern CONT = Pattern.compile("^          ([0-9a-f]+)( \\((\\d+) octets\\))?$");
    static final Pattern HEX = Pattern.compile("^0x([0-9a-f]+)( \\((\\d+) octets\\))?$");

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.US_ASCII);
        List<Map<String, String>> cases = new ArrayList<>();
        Map<String, String> c = null;
        Map<String, Integer> declared = null;
        String open = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            Matcher m;
            if ((m = CASE.matcher(l)).matches()) {
                if (!m.group(1).equals(m.group(2))) {
                    throw new IllegalStateException("line " + (i + 1) + ": case number mismatch");
                }
                c = new LinkedHashMap<>();
                c.put("id", "A." + m.group(1));
                declared = new LinkedHashMap<>();
                cases.add(c);
                open = null;
            } else if (c != null && (m = FIELD.matcher(l)).matches()) {
                String name = m.group(1);
                String v = m.group(2);
                open = null;
                if (name.equals("Hash")) {
                    c.put("algorithm", switch (v) {
                        case "SHA-256" -> "hkdf-sha256";
                        case "SHA-1" -> "hkdf-sha1";
                        default -> throw new IllegalStateException("line " + (i + 1) + ": hash " + v);
                    });
                } else if (name.equals("L")) {
                    c.put("length", Integer.toString(Integer.parseInt(v)));
                } else if (v.equals("(0 octets)")) {
                    c.put(name.toLowerCase(), "");
                } else if (v.equals("not provided (defaults to HashLen zero octets)")) {
                    c.put(name.toLowerCase(), "");
                    c.put("comment", "salt not provided (defaults to HashLen zero octets)");
                } else {
                    Matcher h = HEX.matcher(v);
                    if (!h.matches()) {
                        throw new IllegalStateException("line " + (i + 1) + ": not hex: " + v);
                    }
                    c.put(name.toLowerCase(), h.group(1));
                    if (h.group(3) != null) {
                        declared.put(name.toLowerCase(), Integer.parseInt(h.group(3)));
                    } else {
                        open = name.toLowerCase();
                    }
                }
            } else if (c != null && open != null && (m = CONT.matcher(l)).matches()) {
                c.put(open, c.get(open) + m.group(1));
                if (m.group(3) != null) {
                    declared.put(open, Integer.parseInt(m.group(3)));
                    open = null;
                }
            } else if (open != null && !l.isBlank()) {
                throw new IllegalStateException("line " + (i + 1) + ": value " + open + " not closed: " + l);
            }
            if (c != null && declared != null) {
                for (Map.Entry<String, Integer> d : declared.entrySet()) {
                    if (c.get(d.getKey()).length() != 2 * d.getValue()) {
                        throw new IllegalStateException("case " + c.get("id") + " " + d.getKey() + ": declared "
                                + d.getValue() + " octets, found " + c.get(d.getKey()).length() / 2);
                    }
                }
            }
        }
        if (cases.size() != 7) {
            throw new IllegalStateException("expected 7 test cases, found " + cases.size());
        }
        for (Map<String, String> k : cases) {
            for (String f : List.of("algorithm", "ikm", "salt", "info", "length", "prk", "okm")) {
                if (!k.containsKey(f)) {
                    throw new IllegalStateException("case " + k.get("id") + " has no " + f);
                }
            }
            if (k.get("okm").length() != 2 * Integer.parseInt(k.get("length"))) {
                throw new IllegalStateException("case " + k.get("id") + ": OKM length differs from L");
            }
        }
        StringBuilder j = new StringBuilder("{\n  \"kind\": \"kdf\",\n  \"id\": \"rfc5869/hkdf\",\n");
        j.append("  \"source\": {\"name\": \"RFC 5869\", \"section\": \"Appendix A\", ")
                .append("\"url\": \"https://www.rfc-editor.org/rfc/rfc5869#appendix-A\", ")
                .append("\"license\": \"IETF Trust Legal Provisions (BCP 78); values extracted by ")
                .append("vectors/scripts/ExtractRfc5869.java\"},\n");
        j.append("  \"description\": \"HKDF test cases A.1-A.7 (A.1-A.3 SHA-256, A.4-A.7 SHA-1).\",\n");
        j.append("  \"cases\": [\n");
        for (int n = 0; n < cases.size(); n++) {
            Map<String, String> k = cases.get(n);
            j.append("    {");
            int f = 0;
            for (String key : List.of("id", "algorithm", "comment", "ikm", "salt", "info", "length", "prk", "okm")) {
                if (!k.containsKey(key)) {
                    continue;
                }
                j.append(f++ == 0 ? "" : ", ").append('"').append(key).append("\": ");
                j.append(key.equals("length") ? k.get(key) : "\"" + k.get(key) + "\"");
            }
            j.append(n + 1 < cases.size() ? "},\n" : "}\n");
        }
        j.append("  ]\n}\n");
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.writeString(out.resolve("hkdf.json"), j.toString(), StandardCharsets.UTF_8);
        System.out.println("hkdf.json: " + cases.size() + " cases");
    }
}
