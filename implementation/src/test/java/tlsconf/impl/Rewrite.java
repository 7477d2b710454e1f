package tlsconf.impl;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tlsconf.impl.message.HandshakeMessage;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.seam.Seam;
import tlsconf.model.vocabulary.HandshakeType;

/** A test seam that rewrites the encoding of chosen outgoing handshake messages (first occurrence each). */
final class Rewrite implements Seam {
    private final Map<HandshakeType, Function<byte[], List<byte[]>>> rules = new EnumMap<>(HandshakeType.class);

    static Rewrite of(HandshakeType type, Function<byte[], List<byte[]>> rule) {
        return new Rewrite().and(type, rule);
    }

    Rewrite and(HandshakeType type, Function<byte[], List<byte[]>> rule) {
        rules.put(type, rule);
        return this;
    }

    @Override
    public List<byte[]> onOutgoingHandshake(HandshakeMessage message, byte[] encoded, Epoch epoch) {
        HandshakeType t = message.type();
        if (message instanceof tlsconf.impl.message.ServerHello sh && sh.isHelloRetryRequest()) {
            t = HandshakeType.HELLO_RETRY_REQUEST;
        }
        Function<byte[], List<byte[]>> rule = rules.remove(t);
        return rule == null ? List.of(encoded) : rule.apply(encoded);
    }

    /** Flips one bit in the last byte (inside the Finished verify_data or a signature). */
    static List<byte[]> flipLastBit(byte[] encoded) {
        byte[] b = encoded.clone();
        b[b.length - 1] ^= 1;
        return List.of(b);
    }

    static List<byte[]> drop(byte[] encoded) {
        return List.of();
    }

    static List<byte[]> twice(byte[] encoded) {
        return List.of(encoded, encoded);
    }
}
