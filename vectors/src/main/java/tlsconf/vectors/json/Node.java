package tlsconf.vectors.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tlsconf.vectors.Bytes;

/**
 * A JSON value at a known JSON pointer, with typed accessors that record a problem (pointer and reason) instead of
 * throwing, and return a harmless placeholder so the rest of the file is still checked.
 */
public final class Node {
    private final JsonNode json;
    private final String pointer;
    private final Problems problems;

    public Node(JsonNode json, String pointer, Problems problems) {
        this.json = json;
        this.pointer = pointer;
        this.problems = problems;
    }

    public String pointer() {
        return pointer;
    }

    public JsonNode json() {
        return json;
    }

    public Problems problems() {
        return problems;
    }

    public boolean isObject() {
        return json.isObject();
    }

    public boolean has(String name) {
        return json.has(name) && !json.get(name).isNull();
    }

    /** The pointer of a member (RFC 6901 escaping). */
    public String at(String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public void fail(String reason) {
        problems.add(pointer, reason);
    }

    public void fail(String name, String reason) {
        problems.add(at(name), reason);
    }

    /** Every member not in {@code allowed} is an error: a misspelt optional field must not be silently ignored. */
    public void only(String... allowed) {
        if (!json.isObject()) {
            return;
        }
        Set<String> ok = new TreeSet<>(Arrays.asList(allowed));
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            String name = member.getKey();
            if (!ok.contains(name)) {
                fail(name, "unknown field (allowed here: " + String.join(", ", ok) + ")");
            }
        }
    }

    private JsonNode member(String name, String type) {
        if (!json.isObject()) {
            return null;
        }
        JsonNode v = json.get(name);
        if (v == null || v.isNull()) {
            fail(name, "missing " + type + " field");
            return null;
        }
        return v;
    }

    public String text(String name) {
        JsonNode v = member(name, "string");
        if (v == null) {
            return "";
        }
        if (!v.isTextual()) {
            fail(name, "wrong type: expected a string, found " + v.getNodeType().toString().toLowerCase());
            return "";
        }
        return v.asText();
    }

    public Optional<String> optText(String name) {
        return has(name) ? Optional.of(text(name)) : Optional.empty();
    }

    /** A string from a fixed set, e.g. a role. */
    public String choice(String name, String... allowed) {
        String v = text(name);
        if (!v.isEmpty() && !Arrays.asList(allowed).contains(v)) {
            fail(name, "unknown value '" + v + "' (expected one of " + String.join(", ", allowed) + ")");
        }
        return v;
    }

    public Bytes hex(String name) {
        JsonNode v = member(name, "hex string");
        return v == null ? Bytes.EMPTY : hexValue(v, at(name));
    }

    public Optional<Bytes> optHex(String name) {
        return has(name) ? Optional.of(hex(name)) : Optional.empty();
    }

    private Bytes hexValue(JsonNode v, String where) {
        if (!v.isTextual()) {
            problems.add(where, "wrong type: expected a hex string, found " + v.getNodeType().toString().toLowerCase());
            return Bytes.EMPTY;
        }
        try {
            return Bytes.fromHex(v.asText());
        } catch (IllegalArgumentException e) {
            problems.add(where, "bad hex: " + e.getMessage());
            return Bytes.EMPTY;
        }
    }

    public int integer(String name) {
        JsonNode v = member(name, "integer");
        if (v == null) {
            return 0;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            fail(name, "wrong type: expected an integer, found " + v.getNodeType().toString().toLowerCase());
            return 0;
        }
        return v.intValue();
    }

    public boolean bool(String name, boolean absent) {
        if (!has(name)) {
            return absent;
        }
        JsonNode v = json.get(name);
        if (!v.isBoolean()) {
            fail(name, "wrong type: expected true or false");
            return absent;
        }
        return v.booleanValue();
    }

    public Node object(String name) {
        JsonNode v = member(name, "object");
        if (v == null) {
            return new Node(MissingNode.getInstance(), at(name), problems);
        }
        if (!v.isObject()) {
            fail(name, "wrong type: expected an object, found " + v.getNodeType().toString().toLowerCase());
        }
        return new Node(v, at(name), problems);
    }

    /** The elements of an array member; {@code required} false: an absent member is an empty list. */
    public List<Node> array(String name, boolean required) {
        List<Node> out = new ArrayList<>();
        if (!required && !has(name)) {
            return out;
        }
        JsonNode v = member(name, "array");
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            fail(name, "wrong type: expected an array, found " + v.getNodeType().toString().toLowerCase());
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(new Node(v.get(i), at(name) + "/" + i, problems));
        }
        return out;
    }

    /** Array elements that must be objects. */
    public List<Node> objects(String name, boolean required) {
        List<Node> out = array(name, required);
        for (Node n : out) {
            if (!n.json.isObject()) {
                n.fail("wrong type: expected an object, found " + n.json.getNodeType().toString().toLowerCase());
            }
        }
        return out;
    }

    public List<String> texts(String name, boolean required) {
        List<String> out = new ArrayList<>();
        for (Node n : array(name, required)) {
            if (n.json.isTextual()) {
                out.add(n.json.asText());
            } else {
                n.fail("wrong type: expected a string");
            }
        }
        return out;
    }

    public List<Bytes> hexes(String name, boolean required) {
        List<Bytes> out = new ArrayList<>();
        for (Node n : array(name, required)) {
            out.add(hexValue(n.json, n.pointer));
        }
        return out;
    }

    /** An object whose members are all hex strings, in file order. */
    public Map<String, Bytes> hexMap(String name, boolean required) {
        Map<String, Bytes> out = new LinkedHashMap<>();
        if (!required && !has(name)) {
            return out;
        }
        Node o = object(name);
        if (!o.json.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : o.json.properties()) {
            out.put(e.getKey(), hexValue(e.getValue(), o.at(e.getKey())));
        }
        return out;
    }

    /** An object whose members are all strings (free-form settings). */
    public Map<String, String> textMap(String name, boolean required) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!required && !has(name)) {
            return out;
        }
        Node o = object(name);
        if (!o.json.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : o.json.properties()) {
            if (e.getValue().isValueNode()) {
                out.put(e.getKey(), e.getValue().asText());
            } else {
                problems.add(o.at(e.getKey()), "wrong type: expected a string or number");
            }
        }
        return out;
    }
}
