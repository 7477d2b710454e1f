package tlsconf.conformance.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.HexFormat;
import java.util.List;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * A byte-level change to one correctly encoded handshake message body (STYLE: malformed messages are made by
 * mutators in the test peer, never by mutable message types). Applied before record protection.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Mutation.FlipBit.class, name = "flip-bit"),
    @JsonSubTypes.Type(value = Mutation.Truncate.class, name = "truncate"),
    @JsonSubTypes.Type(value = Mutation.Append.class, name = "append"),
    @JsonSubTypes.Type(value = Mutation.ZeroFill.class, name = "zero-fill"),
    @JsonSubTypes.Type(value = Mutation.Replace.class, name = "replace"),
    @JsonSubTypes.Type(value = Mutation.LengthDelta.class, name = "length-delta"),
    @JsonSubTypes.Type(value = Mutation.LengthField.class, name = "length-field"),
    @JsonSubTypes.Type(value = Mutation.AddExtension.class, name = "add-extension"),
    @JsonSubTypes.Type(value = Mutation.DuplicateExtension.class, name = "duplicate-extension")
})
public sealed interface Mutation {

    /** Flips bit {@code bit} of the body (bit 0 is the most significant bit of byte 0). */
    record FlipBit(int bit) implements Mutation {
        @Override
        public byte[] apply(HandshakeType message, byte[] body) {
            if (bit < 0 || bit >= body.length * 8) {
                throw new IllegalArgumentException("bit " + bit + " outside a " + body.length + "-byte body");
            }
            byte[] out = body.clone();
            out[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            return out;
        }

        @Override
        public List<Mutation> simpler() {
            return bit == 0 ? List.of() : List.of(new FlipBit(0), new FlipBit(bit / 2));
        }

        @Override
        public String describe() {
            return "flip bit " + bit;
        }
    }

    /** Keeps only the first {@code length} bytes of the body (the header length follows). */
    record Truncate(int length) implements Mutation {
        @Override
        public byte[] apply(HandshakeType message, byte[] body) {
            return java.util.Arrays.copyOf(body, Math.min(length, body.length));
        }

        @Override
        public List<Mutation> simpler() {
            return length == 0 ? List.of() : List.of(new Truncate(0), new Truncate(length / 2));
        }

        @Override
        public String describe() {
            return "truncate to " + length + " bytes";
        }
    }

    /** Appends bytes to the body (the header length follows). */
    record Append(String hex) implements Mutation {
        @Override
        public byte[] apply(HandshakeType message, byte[] body) {
            byte[] extra = HexFormat.of().parseHex(hex);
            byte[] out = java.util.Arrays.copyOf(body, body.length + extra.length);
            System.arraycopy(extra, 0, out, body.length, extra.length);
            return out;
        }

        @Override
        public List<Mutation> simpler() {
            return hex.length() <= 2 ? List.of() : List.of(new Append(hex.substring(0, 2)));
        }

        @Override
        public String describe() {
            return "append " + hex.length() / 2 + " byte(s)";
        }
    }

    /** Replaces every body byte by zero, keeping the length. */
    record ZeroFill() implements Mutation {
        @Override
        public byte[] apply(HandshakeType message, byte[] body) {
            return new byte[body.length];
        }

        @Override
        public String describe() {
            return "all zeros";
        }
    }

    /** Replaces the body by fixed bytes. */
    record Replace(String hex) implements Mutation {
        @Override
        public byte[] apply(HandshakeType message, byte[] body) {
            return HexFormat.of().parseHex(hex);
        }

        @Override
        public String describe() {
            return "replace body by " + hex.length() / 2 + " fixed byte(s)";
        }
    }

    /**
     * Leaves the body alone but makes the handshake header's 24-bit length field lie by {@code delta} bytes
     * (off-by-one in each direction, RFC 8446 §4: a length that does not match is {@code decode_error}).
     * Applied by the peer to the header, so {@link #apply} is the identity on the body.
     */
    record LengthDelta(int delta) implements Mutation {
        @Override
        public byte[] apply(HandshakeType message, byte[] body) {
            return body;
        }

        @Override
        public String describe() {
            return "length field " + (delta > 0 ? "+" : "") + delta;
        }
    }

    /**
     * Makes one length field inside the body lie by {@code delta} bytes, the rest of the message unchanged: the
     * field is found by name ({@link LengthFields}) in the message as the peer's engine wrote it, so the scenario
     * says which field it changed and replays on the peer's own ClientHello. RFC 8446 §4.1.2, §6.2: decode_error.
     */
    record LengthField(String field, int delta) implements Mutation {
        @Override
        public byte[] apply(HandshakeType message, byte[] body) {
            if (message != HandshakeType.CLIENT_HELLO) {
                throw new IllegalArgumentException("length fields are known for ClientHello only, not "
                        + message.rfcName());
            }
            byte[] out = LengthFields.find(body, field).apply(body, delta);
            if (out == null) {
                throw new IllegalArgumentException(field + " cannot change by " + delta);
            }
            return out;
        }

        @Override
        public String describe() {
            return field + " " + (delta > 0 ? "+" : "") + delta;
        }
    }

    /** Appends an extension to the message's extension block (ClientHello, ServerHello, EncryptedExtensions). */
    record AddExtension(int type, String hex) implements Mutation {
        @Override
        public byte[] apply(HandshakeType message, byte[] body) {
            return ExtensionBlock.of(message, body).append(type, HexFormat.of().parseHex(hex));
        }

        @Override
        public String describe() {
            return "add extension " + type + " (" + hex.length() / 2 + " byte(s))";
        }
    }

    /** Repeats the message's first extension of {@code type} at the end of its extension block. */
    record DuplicateExtension(int type) implements Mutation {
        @Override
        public byte[] apply(HandshakeType message, byte[] body) {
            ExtensionBlock block = ExtensionBlock.of(message, body);
            return block.append(type, block.find(type));
        }

        @Override
        public String describe() {
            return "duplicate extension " + type;
        }
    }

    /** The mutated body of {@code message}; throws {@link IllegalArgumentException} when it does not fit. */
    byte[] apply(HandshakeType message, byte[] body);

    /** Simpler variants tried while shrinking a failing scenario; empty when this one is already minimal. */
    default List<Mutation> simpler() {
        return List.of();
    }

    String describe();
}
