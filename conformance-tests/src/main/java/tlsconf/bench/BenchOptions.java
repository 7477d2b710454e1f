package tlsconf.bench;

import java.util.List;
import java.util.Locale;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * How long to measure and what: measured rounds, seconds per peer per round, the most warm-up seconds per peer
 * (warm-up stops earlier for a peer whose rate has settled, see {@link Bench}); which peers ({@code only}: names
 * containing one of these, case-insensitive; empty for all; for profiling one peer); which protocol versions (one
 * table each); and whether the reference keeps its peer-key cache ({@code keyCache}, see {@link ReferencePeer}).
 */
public record BenchOptions(int rounds, double seconds, double warmupSeconds, List<String> only,
        List<TlsVersion> versions, boolean keyCache) {
    public BenchOptions(int rounds, double seconds, double warmupSeconds) {
        this(rounds, seconds, warmupSeconds, List.of(), List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2), true);
    }

    public BenchOptions {
        only = List.copyOf(only);
        versions = List.copyOf(versions);
        if (rounds < 1 || rounds > 100) {
            throw new IllegalArgumentException("rounds must be 1..100, got " + rounds);
        }
        if (!(seconds > 0 && seconds <= 60) || !(warmupSeconds >= 0 && warmupSeconds <= 120)) {
            throw new IllegalArgumentException("seconds must be in (0, 60] and warm-up in [0, 120]");
        }
        if (versions.isEmpty() || !List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2).containsAll(versions)) {
            throw new IllegalArgumentException("versions must be TLS 1.3 and/or TLS 1.2, got " + versions);
        }
    }

    /**
     * Default: 10 peers (5 per version) × (7 rounds × 1.5 s + at most 6 s warm-up, usually 3-4 s) ≈ 140-165 s plus
     * start-up, inside the 3-minute budget. Many short interleaved rounds give a steadier median than a few long ones
     * on a shared machine.
     */
    public static BenchOptions standard() {
        return new BenchOptions(7, 1.5, 6);
    }

    /** A smoke run of about 30 s: numbers only roughly right. */
    public static BenchOptions quick() {
        return new BenchOptions(3, 0.5, 1);
    }

    /** The same durations, only the peers whose names contain one of {@code names}. */
    public BenchOptions only(List<String> names) {
        return new BenchOptions(rounds, seconds, warmupSeconds, names, versions, keyCache);
    }

    /** The same, for these versions only. */
    public BenchOptions versions(List<TlsVersion> v) {
        return new BenchOptions(rounds, seconds, warmupSeconds, only, v, keyCache);
    }

    /** The same, with the reference's peer-key cache on or off. */
    public BenchOptions keyCache(boolean on) {
        return new BenchOptions(rounds, seconds, warmupSeconds, only, versions, on);
    }

    /** Whether a peer called {@code name} is measured. */
    public boolean includes(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return only.isEmpty() || only.stream().anyMatch(o -> n.contains(o.toLowerCase(Locale.ROOT)));
    }
}
