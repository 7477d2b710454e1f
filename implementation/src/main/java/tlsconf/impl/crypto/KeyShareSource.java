package tlsconf.impl.crypto;

import java.util.EnumMap;
import java.util.Map;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.RandomSource;

/** Where ephemeral keys come from: fresh from the randomness, or fixed private keys for replays (RFC 8448). */
@FunctionalInterface
public interface KeyShareSource {
    EphemeralKey keyFor(NamedGroup group, RandomSource random);

    static KeyShareSource fromRandom() {
        return EphemeralKey::generate;
    }

    /** Fixed private keys per group; groups not given fall back to the randomness. */
    static KeyShareSource fixed(Map<NamedGroup, byte[]> privateKeys) {
        Map<NamedGroup, byte[]> copy = new EnumMap<>(privateKeys);
        return (group, random) -> copy.containsKey(group)
                ? EphemeralKey.fromPrivate(group, copy.get(group))
                : EphemeralKey.generate(group, random);
    }
}
