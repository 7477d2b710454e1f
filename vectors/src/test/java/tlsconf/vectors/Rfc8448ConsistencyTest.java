package tlsconf.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tlsconf.vectors.kind.Transcript;
import tlsconf.vectors.kind.Transcript.Step;

/**
 * Checks the extracted RFC 8448 data against itself and the RFC's counts, with no TLS code: record framing,
 * handshake framing, records carrying exactly the messages built before them, HKDF info strings, and the chain
 * of secrets. A misparse of the RFC text (a lost line, a merged value) fails here.
 */
class Rfc8448ConsistencyTest {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Map<String, Integer> MESSAGE_TYPES = Map.of("ClientHello", 1, "ServerHello", 2,
            "NewSessionTicket", 4, "EndOfEarlyData", 5, "EncryptedExtensions", 8, "Certificate", 11,
            "CertificateRequest", 13, "CertificateVerify", 15, "Finished", 20);

    /** Steps, records, handshake messages per section, counted in the RFC text. */
    private static final Map<String, int[]> COUNTS = Map.of(
            "rfc8448/3-simple-1rtt", new int[] {55, 9, 8},
            "rfc8448/4-resumed-0rtt", new int[] {60, 10, 6},
            "rfc8448/5-hello-retry-request", new int[] {54, 8, 9},
            "rfc8448/6-client-authentication", new int[] {52, 6, 10},
            "rfc8448/7-compatibility-mode", new int[] {51, 8, 7});

    private static Map<String, Transcript> transcripts() {
        Map<String, Transcript> out = new HashMap<>();
        for (VectorFile f : VectorLoader.loadShipped().files()) {
            if (f.body() instanceof Transcript t && f.id().startsWith("rfc8448/")) {
                out.put(f.id(), t);
            }
        }
        assertEquals(COUNTS.keySet(), out.keySet());
        return out;
    }

    private static byte[] v(Step s, String label) {
        return s.value(label).orElseThrow(() -> new AssertionError(s + " has no '" + label + "'")).toByteArray();
    }

    @Test
    void countsMatchTheRfcText() {
        transcripts().forEach((id, t) -> {
            int records = 0;
            int messages = 0;
            for (Step s : t.steps()) {
                records += s.value("complete record").isPresent() ? 1 : 0;
                messages += s.action().endsWith("handshake message") ? 1 : 0;
            }
            assertArrayEquals(COUNTS.get(id), new int[] {t.steps().size(), records, messages}, id);
            assertEquals("TLS_AES_128_GCM_SHA256", t.cipherSuite(), id);
        });
    }

    @Test
    void recordsFrameTheirPayloadAndCarryTheMessagesBuiltBeforeThem() {
        transcripts().forEach((id, t) -> {
            Map<String, ByteArrayOutputStream> pending = new HashMap<>();
            Map<String, Integer> truncated = new HashMap<>();
            boolean first = true;
            for (Step s : t.steps()) {
                String kind = s.action().replaceFirst("^construct an? (\\S+) handshake message$", "$1");
                if (!kind.equals(s.action())) {
                    byte[] m = v(s, kind);
                    assertEquals(MESSAGE_TYPES.get(kind), m[0] & 0xff, id + " " + s);
                    int declared = (m[1] & 0xff) << 16 | (m[2] & 0xff) << 8 | (m[3] & 0xff);
                    if (declared != m.length - 4) {
                        assertTrue(s.remark().orElse("").contains("without its binders"), id + " " + s + ": length");
                        truncated.put(s.role(), declared + 4);
                    }
                    pending.computeIfAbsent(s.role(), r -> new ByteArrayOutputStream()).writeBytes(m);
                }
                if (s.value("complete record").isEmpty()) {
                    continue;
                }
                byte[] record = v(s, "complete record");
                byte[] payload = v(s, "payload");
                int type = record[0] & 0xff;
                int length = (record[3] & 0xff) << 8 | (record[4] & 0xff);
                assertEquals(record.length - 5, length, id + " " + s + ": record length field");
                assertEquals(3, record[1], id + " " + s);
                if (first) {
                    assertArrayEquals(new byte[] {0x16, 3, 1}, Arrays.copyOf(record, 3), id + ": first ClientHello record");
                    first = false;
                }
                if (type == 0x17) {
                    assertEquals(3, record[2], id + " " + s);
                    // RFC 8448 never pads: inner plaintext = payload || content type, then a 16-byte tag.
                    assertEquals(payload.length + 1 + 16, length, id + " " + s + ": protected record length");
                } else {
                    assertArrayEquals(payload, Arrays.copyOfRange(record, 5, record.length), id + " " + s);
                }
                if (s.action().equals("send handshake record")) {
                    ByteArrayOutputStream p = pending.remove(s.role());
                    assertNotNull(p, id + " " + s + ": no message built before this record");
                    Integer full = truncated.remove(s.role());
                    if (full == null) {
                        assertArrayEquals(p.toByteArray(), payload, id + " " + s + ": payload is the messages built before it");
                    } else {
                        assertEquals((int) full, payload.length, id + " " + s + ": complete ClientHello length");
                        assertArrayEquals(p.toByteArray(), Arrays.copyOf(payload, p.size()), id + " " + s);
                    }
                }
            }
            assertTrue(pending.values().stream().allMatch(p -> p.size() == 0), id + ": messages never sent");
        });
    }

    @Test
    void hkdfInfoStringsNameTheStepsLabelAndContext() {
        transcripts().forEach((id, t) -> {
            for (Step s : t.steps()) {
                if (s.value("info").isPresent()) {
                    Matcher m = QUOTED.matcher(s.action());
                    String label = s.action().startsWith("calculate") ? "tls13 finished"
                            : m.find() ? m.group(1) : fail(id + " " + s + ": no label");
                    byte[] expected = info(v(s, "expanded").length, label, v(s, "hash"));
                    assertArrayEquals(expected, v(s, "info"), id + " " + s);
                }
                if (s.value("key info").isPresent()) {
                    assertArrayEquals(info(v(s, "key expanded").length, "tls13 key", new byte[0]), v(s, "key info"));
                    assertArrayEquals(info(12, "tls13 iv", new byte[0]), v(s, "iv info"), id + " " + s);
                    assertEquals(16, v(s, "key expanded").length);
                    assertEquals(12, v(s, "iv expanded").length);
                }
            }
        });
    }

    private static byte[] info(int length, String label, byte[] context) {
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(length >> 8);
        o.write(length);
        o.write(l.length);
        o.writeBytes(l);
        o.write(context.length);
        o.writeBytes(context);
        return o.toByteArray();
    }

    @Test
    void secretsChainFromStepToStep() {
        transcripts().forEach((id, t) -> {
            Set<String> secrets = new HashSet<>();
            String lastDerived = null;
            byte[] lastFinished = null;
            for (Step s : t.steps()) {
                // The binder key (Derive-Secret(early, "res binder", "")) is not shown as a step of its own.
                if (s.value("PRK").isPresent() && !s.action().equals("calculate PSK binder")) {
                    assertTrue(secrets.contains(s.value("PRK").get().hex()), id + " " + s + ": PRK not derived earlier");
                }
                if (s.action().startsWith("extract secret") && !s.values().isEmpty()) {
                    if (!s.action().contains("early")) {
                        assertEquals(lastDerived, v(s, "salt").length == 0 ? null : s.value("salt").get().hex(),
                                id + " " + s + ": salt is the preceding \"derived\" secret");
                    }
                    secrets.add(s.value("secret").get().hex());
                }
                if (s.value("expanded").isPresent()) {
                    secrets.add(s.value("expanded").get().hex());
                    if (s.action().contains("\"tls13 derived\"")) {
                        lastDerived = s.value("expanded").get().hex();
                    }
                }
                if (s.value("finished").isPresent()) {
                    lastFinished = v(s, "finished");
                }
                if (s.action().equals("construct a Finished handshake message")) {
                    byte[] m = v(s, "Finished");
                    assertArrayEquals(lastFinished, Arrays.copyOfRange(m, 4, m.length), id + " " + s);
                }
            }
        });
    }

    @Test
    void resumptionUsesTheTicketAndSecretOfSection3() {
        Map<String, Transcript> all = transcripts();
        Transcript s3 = all.get("rfc8448/3-simple-1rtt");
        Transcript s4 = all.get("rfc8448/4-resumed-0rtt");
        byte[] psk = v(s3.steps("server", "generate resumption secret").get(0), "expanded");
        byte[] ikm = v(s4.steps("client", "extract secret \"early\"").get(0), "IKM");
        assertArrayEquals(psk, ikm, "section 4 PSK = section 3 resumption secret");
        byte[] ticket = v(s3.steps("server", "construct a NewSessionTicket").get(0), "NewSessionTicket");
        byte[] hello = v(s4.steps("client", "send handshake record").get(0), "payload");
        Step binder = s4.steps("client", "calculate PSK binder").get(0);
        byte[] prefix = v(binder, "ClientHello prefix");
        assertArrayEquals(prefix, Arrays.copyOf(hello, prefix.length), "the binder covers a prefix of ClientHello");
        byte[] mac = v(binder, "finished");
        assertArrayEquals(mac, Arrays.copyOfRange(hello, hello.length - mac.length, hello.length), "binder value");
        // The ticket (u16 length at offset 4+4+4+1+nonce) is the PSK identity in the second ClientHello.
        int nonceLen = ticket[12] & 0xff;
        int at = 13 + nonceLen;
        int ticketLen = (ticket[at] & 0xff) << 8 | (ticket[at + 1] & 0xff);
        byte[] identity = Arrays.copyOfRange(ticket, at + 2, at + 2 + ticketLen);
        assertTrue(indexOf(prefix, identity) > 0, "ticket identity in the resumed ClientHello");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void rsaPssSignaturesAreMarkedUnreproducible() {
        List<String> marked = new ArrayList<>();
        transcripts().forEach((id, t) -> t.unreproducible().forEach(u -> marked.add(id + u.pointer())));
        for (Map.Entry<String, Transcript> e : transcripts().entrySet()) {
            for (Step s : e.getValue().steps()) {
                if (s.value("CertificateVerify").isPresent() && v(s, "CertificateVerify")[4] == 8) {
                    assertTrue(marked.contains(e.getKey() + s.pointer("CertificateVerify")), e.getKey() + " " + s);
                }
            }
        }
        assertEquals(4, marked.size(), marked.toString());
    }
}
