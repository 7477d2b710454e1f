/*
 * Extracts the five handshake traces of RFC 8448 (sections 3 to 7) into tlsconf transcript vector files, so that
 * every number in them is the RFC's. Run by hand; its output is committed:
 *
 *   java vectors/scripts/ExtractRfc8448.java /work/shared/rfc/rfc8448.txt vectors/src/main/resources/vectors/rfc8448
 *
 * The RFC text has a rigid layout: "   {client}  action:" starts a step, "      label (N octets):  hex" starts a
 * value, hex continues on lines indented by nine spaces (also across page breaks). Anything else inside a trace
 * stops the script with the line number: a silent misparse would ship wrong vectors.
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

public class ExtractRfc8448 {
    static final Pattern SECTION = Pattern.compile("^(\\d+)\\.  (\\S.*)$");
    static final Pattern STEP = Pattern.compile("^   \\{(client|server)\\}  (\\S.*)$");
    static final Pattern VALUE = Pattern.compile("^      (\\S[^(]*?) \\((\\d+) octets?\\):  (.*)$");
    static final Pattern ZERO_SALT = Pattern.compile("^      salt:  0 \\(all zero octets\\)$");
    static final Pattern HEX_LINE = Pattern.compile("^         ([0-9a-f]{2}( [0-9a-f]{2})*)$");
    static final Pattern ACTION_CONT = Pattern.compile("^      (\\S.*)$");
    static final Pattern KEY_VALUE = Pattern.compile("^   (\\S[^:]*):  ([0-9a-f]{2}( [0-9a-f]{2})*)$");
    static final Pattern KEY_CONT = Pattern.compile("^      ([0-9a-f]{2}( [0-9a-f]{2})*)$");
    static final Pattern FOOTER = Pattern.compile("^Thomson\\s+Informational\\s+\\[Page \\d+\\]$");
    static final Pattern HEADER = Pattern.compile("^RFC 8448\\s+TLS 1\\.3 Traces\\s+January 2019$");

    record Trace(String section, String file, String id, String description) {
        /** §4 resumes the session of §3 (its PSK is §3's resumption secret). */
        String resumes() {
            return section.equals("4") ? "rfc8448/3-simple-1rtt" : null;
        }
    }

    static final List<Trace> TRACES = List.of(
            new Trace("3", "s3-simple-1rtt.json", "rfc8448/3-simple-1rtt",
                    "Full 1-RTT handshake, x25519, server authenticated with RSA-PSS, client anonymous; application "
                            + "data both ways, a NewSessionTicket allowing 0-RTT, closure alerts."),
            new Trace("4", "s4-resumed-0rtt.json", "rfc8448/4-resumed-0rtt",
                    "Resumption with the ticket of section 3 (psk_dhe_ke), PSK binder, 0-RTT early data, "
                            + "EndOfEarlyData. The PSK is the section 3 resumption secret."),
            new Trace("5", "s5-hello-retry-request.json", "rfc8448/5-hello-retry-request",
                    "The client offers an x25519 share, the server asks for P-256 with a HelloRetryRequest (shown "
                            + "as a ServerHello) and a cookie; the transcript restarts with message_hash."),
            new Trace("6", "s6-client-authentication.json", "rfc8448/6-client-authentication",
                    "The server sends CertificateRequest; the client answers with Certificate and "
                            + "CertificateVerify. Certificate private keys are not given."),
            new Trace("7", "s7-compatibility-mode.json", "rfc8448/7-compatibility-mode",
                    "Middlebox compatibility mode (RFC 8446 D.4): a session id in ClientHello, change_cipher_spec "
                            + "records from both sides."));

    static final class Step {
        final int line;
        final String role;
        String action;
        String remark;
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, Integer> declared = new LinkedHashMap<>();
        boolean headerOpen;

        Step(int line, String role, String action) {
            this.line = line;
            this.role = role;
            this.action = action;
        }
    }

    static RuntimeException fail(int line, String why) {
        return new IllegalStateException("rfc8448.txt line " + line + ": " + why);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ExtractRfc8448.java RFC8448_TXT OUTPUT_FOLDER");
            System.exit(2);
        }
        List<String> raw = Files.readAllLines(Path.of(args[0]), StandardCharsets.US_ASCII);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);

        // Section -> (line number, line) without page furniture.
        Map<String, List<int[]>> unused = new LinkedHashMap<>();
        Map<String, List<Integer>> sectionLines = new LinkedHashMap<>();
        String current = null;
        for (int i = 0; i < raw.size(); i++) {
            String l = raw.get(i);
            if (FOOTER.matcher(l).matches() || HEADER.matcher(l).matches() || l.equals("\f")) {
                continue;
            }
            Matcher s = SECTION.matcher(l);
            if (s.matches()) {
                current = s.group(1);
                sectionLines.put(current, new ArrayList<>());
                continue;
            }
            if (current != null) {
                sectionLines.get(current).add(i);
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException();
        }
        Map<String, String> keys = parseKeys(raw, sectionLines.get("2"));
        if (keys.size() != 8) {
            throw new IllegalStateException("section 2: expected 8 RSA key values, found " + keys.keySet());
        }
        for (Trace t : TRACES) {
            List<Integer> lines = sectionLines.get(t.section);
            if (lines == null) {
                throw new IllegalStateException("no section " + t.section);
            }
            List<Step> steps = parseSteps(raw, lines);
            check(t, steps);
            Files.writeString(out.resolve(t.file), json(t, steps, keys), StandardCharsets.UTF_8);
            int values = steps.stream().mapToInt(s -> s.values.size()).sum();
            System.out.println(t.file + ": " + steps.size() + " steps, " + values + " values");
        }
    }

    static Map<String, String> parseKeys(List<String> raw, List<Integer> lines) {
        Map<String, String> keys = new LinkedHashMap<>();
        String label = null;
        for (int n : lines) {
            String l = raw.get(n);
            Matcher v = KEY_VALUE.matcher(l);
            Matcher c = KEY_CONT.matcher(l);
            if (v.matches()) {
                label = "rsa " + v.group(1).replace(" (public)", "");
                keys.put(label, v.group(2).replace(" ", ""));
            } else if (c.matches() && label != null) {
                keys.put(label, keys.get(label) + c.group(1).replace(" ", ""));
            } else if (l.isBlank()) {
                continue;
            } else if (!l.startsWith("   ") || l.startsWith("    ")) {
                throw fail(n + 1, "unexpected line in section 2: " + l);
            }
        }
        return keys;
    }

    static List<Step> parseSteps(List<String> raw, List<Integer> lines) {
        List<Step> steps = new ArrayList<>();
        Step step = null;
        String label = null;
        for (int n : lines) {
            String l = raw.get(n);
            int lineNo = n + 1;
            if (l.isBlank()) {
                if (step != null) {
                    step.headerOpen = false;
                }
                continue;
            }
            Matcher m;
            if ((m = STEP.matcher(l)).matches()) {
                step = new Step(lineNo, m.group(1), m.group(2));
                step.headerOpen = !m.group(2).endsWith(":");
                steps.add(step);
                label = null;
            } else if (step == null) {
                // Prose before the first step of a section.
                if (!l.startsWith("   ")) {
                    throw fail(lineNo, "unexpected line before the first step: " + l);
                }
            } else if (step.headerOpen && (m = ACTION_CONT.matcher(l)).matches()) {
                step.action = step.action + " " + m.group(1);
                step.headerOpen = !m.group(1).endsWith(":");
            } else if (ZERO_SALT.matcher(l).matches()) {
                put(step, "salt", "", 0, lineNo);
                label = null;
            } else if ((m = VALUE.matcher(l)).matches()) {
                label = m.group(1);
                String v = m.group(3);
                String hex;
                if (v.equals("(empty)")) {
                    hex = "";
                } else if (v.matches("[0-9a-f]{2}( [0-9a-f]{2})*")) {
                    hex = v.replace(" ", "");
                } else {
                    throw fail(lineNo, "value is neither hex nor (empty): " + v);
                }
                put(step, label, hex, Integer.parseInt(m.group(2)), lineNo);
            } else if ((m = HEX_LINE.matcher(l)).matches()) {
                if (label == null) {
                    throw fail(lineNo, "hex continuation with no value before it");
                }
                step.values.put(label, step.values.get(label) + m.group(1).replace(" ", ""));
            } else {
                throw fail(lineNo, "unrecognized line in a trace: '" + l + "'");
            }
        }
        for (Step s : steps) {
            String a = s.action.endsWith(":") ? s.action.substring(0, s.action.length() - 1) : s.action;
            int same = a.indexOf(" (same as");
            if (same >= 0) {
                s.remark = a.substring(same + 1);
                a = a.substring(0, same);
            }
            s.action = a;
            for (Map.Entry<String, Integer> d : s.declared.entrySet()) {
                int have = s.values.get(d.getKey()).length() / 2;
                if (have != d.getValue()) {
                    throw fail(s.line, "'" + d.getKey() + "' declares " + d.getValue() + " octets but has " + have);
                }
            }
            String hello = s.values.get("ClientHello");
            if (hello != null && Integer.parseInt(hello.substring(2, 8), 16) != hello.length() / 2 - 4) {
                // RFC 8448 §4 shows the ClientHello before its PSK binders are filled in.
                s.remark = "the RFC shows this ClientHello without its binders (the truncated ClientHello of "
                        + "RFC 8446 4.2.11.2); the complete message is the payload of the record that follows";
            }
            if (s.remark == null && s.values.isEmpty()) {
                throw fail(s.line, "step without values and without a (same as ...) remark: " + s.action);
            }
        }
        return steps;
    }

    static void put(Step step, String label, String hex, int octets, int line) {
        if (step.values.containsKey(label)) {
            throw fail(line, "label '" + label + "' twice in one step");
        }
        step.values.put(label, hex);
        step.declared.put(label, octets);
    }

    /** Structural checks that need no TLS code; the vectors module's tests check more. */
    static void check(Trace t, List<Step> steps) {
        String[] needed = {"construct a ClientHello handshake message", "construct a ServerHello handshake message",
            "construct a Finished handshake message", "send handshake record", "extract secret \"master\"",
            "derive write traffic keys for application data"};
        for (String a : needed) {
            if (steps.stream().noneMatch(s -> s.action.equals(a))) {
                throw new IllegalStateException("section " + t.section + ": no step '" + a + "'");
            }
        }
        for (Step s : steps) {
            if (s.action.startsWith("send ") && s.action.endsWith(" record") && !s.values.isEmpty()) {
                if (!s.values.containsKey("payload") || !s.values.containsKey("complete record")) {
                    throw fail(s.line, "record step without payload and complete record");
                }
            }
        }
    }

    static String suiteName(List<Step> steps) {
        for (Step s : steps) {
            String sh = s.values.get("ServerHello");
            if (sh != null) {
                // handshake header 4, legacy_version 2, random 32, then session id length and id.
                int sidLen = Integer.parseInt(sh.substring(2 * 38, 2 * 39), 16);
                String suite = sh.substring(2 * (39 + sidLen), 2 * (41 + sidLen));
                switch (suite) {
                    case "1301":
                        return "TLS_AES_128_GCM_SHA256";
                    case "1302":
                        return "TLS_AES_256_GCM_SHA384";
                    case "1303":
                        return "TLS_CHACHA20_POLY1305_SHA256";
                    default:
                        throw new IllegalStateException("unknown cipher suite " + suite);
                }
            }
        }
        throw new IllegalStateException("no ServerHello");
    }

    static String json(Trace t, List<Step> steps, Map<String, String> keys) {
        StringBuilder j = new StringBuilder();
        j.append("{\n");
        j.append("  \"kind\": \"transcript\",\n");
        j.append("  \"id\": ").append(q(t.id)).append(",\n");
        j.append("  \"source\": {\n");
        j.append("    \"name\": \"RFC 8448\",\n");
        j.append("    \"section\": ").append(q(t.section)).append(",\n");
        j.append("    \"url\": ").append(q("https://www.rfc-editor.org/rfc/rfc8448#section-" + t.section)).append(",\n");
        j.append("    \"license\": ").append(q("IETF Trust Legal Provisions (BCP 78); values extracted by "
                + "vectors/scripts/ExtractRfc8448.java from the RFC text")).append("\n");
        j.append("  },\n");
        j.append("  \"description\": ").append(q(t.description)).append(",\n");
        j.append("  \"tls\": \"1.3\",\n");
        j.append("  \"cipherSuite\": ").append(q(suiteName(steps))).append(",\n");
        if (t.resumes() != null) {
            j.append("  \"resumes\": ").append(q(t.resumes())).append(",\n");
        }
        j.append("  \"keys\": {\n");
        int k = 0;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            j.append("    ").append(q(e.getKey())).append(": ").append(q(e.getValue()))
                    .append(++k < keys.size() ? ",\n" : "\n");
        }
        j.append("  },\n");
        List<String[]> unrepro = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String cv = steps.get(i).values.get("CertificateVerify");
            if (cv != null && cv.startsWith("08", 8)) {
                unrepro.add(new String[] {"/steps/" + i + "/values/CertificateVerify",
                    "RSA-PSS signature with a random salt: an implementation holding the same key signs differently. "
                            + "The replay verifies this signature with the certificate's public key; the records "
                            + "and secrets after it reproduce only from these RFC bytes."});
            }
        }
        j.append("  \"unreproducible\": [");
        for (int i = 0; i < unrepro.size(); i++) {
            j.append(i == 0 ? "\n" : ",\n").append("    {\"pointer\": ").append(q(unrepro.get(i)[0]))
                    .append(", \"reason\": ").append(q(unrepro.get(i)[1])).append("}");
        }
        j.append(unrepro.isEmpty() ? "],\n" : "\n  ],\n");
        j.append("  \"steps\": [\n");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            j.append("    {\"role\": ").append(q(s.role)).append(", \"action\": ").append(q(s.action));
            if (s.remark != null) {
                j.append(", \"remark\": ").append(q(s.remark));
            }
            if (!s.values.isEmpty()) {
                j.append(", \"values\": {");
                int v = 0;
                for (Map.Entry<String, String> e : s.values.entrySet()) {
                    j.append(v++ == 0 ? "\n" : ",\n").append("      ").append(q(e.getKey())).append(": ")
                            .append(q(e.getValue()));
                }
                j.append("\n    }");
            }
            j.append(i + 1 < steps.size() ? "},\n" : "}\n");
        }
        j.append("  ]\n}\n");
        return j.toString();
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
