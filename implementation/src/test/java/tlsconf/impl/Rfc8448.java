package tlsconf.impl;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;

/**
 * The values of one RFC 8448 trace, read from the vector files the {@code vectors} module ships (extracted from the
 * RFC text by {@code vectors/scripts/ExtractRfc8448.java}, never from our own output), so the implementation's unit
 * tests and the vector replays rest on one extraction.
 *
 * <p>A value is named {@code role|action|label}, spaces turned into underscores ({@code
 * server|derive_secret_tls13_c_hs_traffic|expanded}); when the same action occurs again in the trace, its values
 * carry {@code #2}, {@code #3}, ... in the order of the RFC.
 */
public final class Rfc8448 {
    private static final Map<Integer, String> FILES = Map.of(
            3, "s3-simple-1rtt", 4, "s4-resumed-0rtt", 5, "s5-hello-retry-request",
            6, "s6-client-authentication", 7, "s7-compatibility-mode");

    private final int section;
    private final Map<String, String> values;

    private Rfc8448(int section, Map<String, String> values) {
        this.section = section;
        this.values = values;
    }

    /** Section 3, 4, 5, 6 or 7 of RFC 8448. */
    public static Rfc8448 section(int section) {
        String name = "/vectors/rfc8448/" + FILES.get(section) + ".json";
        try (InputStream in = Rfc8448.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the test class path (module tlsconf-vectors)");
            }
            Map<String, String> values = new HashMap<>();
            for (JsonNode step : new ObjectMapper().readTree(in).path("steps")) {
                String prefix = key(step.path("role").asText() + "|" + step.path("action").asText());
                for (Iterator<Map.Entry<String, JsonNode>> it = step.path("values").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> v = it.next();
                    String base = prefix + "|" + key(v.getKey());
                    String k = base;
                    for (int n = 2; values.containsKey(k); n++) {
                        k = base + "#" + n;
                    }
                    values.put(k, v.getValue().asText());
                }
            }
            return new Rfc8448(section, values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String key(String text) {
        return text.replace(' ', '_').replace("\"", "").replace(":", "");
    }

    /** The bytes of value {@code role|action|label}; fails the test when the trace has no such value. */
    public byte[] bytes(String key) {
        String hex = values.get(key);
        assertNotNull(hex, "RFC 8448 section " + section + " value " + key);
        return Hex.decode(hex);
    }

    /** The value as hex, or null when absent. */
    public String hex(String key) {
        return values.get(key);
    }

    /** Every key, for a comparison against another extraction. */
    public java.util.Set<String> keys() {
        return values.keySet();
    }
}
