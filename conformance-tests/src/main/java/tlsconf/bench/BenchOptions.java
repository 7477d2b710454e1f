package tlsconf.bench;

/**
 * How long to measure: measured rounds, seconds per peer per round, warm-up seconds per peer; and which peers
 * ({@code only}: names containing one of these, case-insensitive; empty for all; for profiling one peer).
 */
public record BenchOptions(int rounds, double seconds, double warmupSeconds, java.util.List<String> only) {
    public BenchOptions(int rounds, double seconds, double warmupSeconds) {
        this(rounds, seconds, warmupSeconds, java.util.List.of());
    }

    public BenchOptions {
        only = java.util.List.copyOf(only);
        if (rounds < 1 || rounds > 100) {
            throw new IllegalArgumentException("rounds must be 1..100, got " + rounds);
        }
        if (!(seconds > 0 && seconds <= 60) || !(warmupSeconds >= 0 && warmupSeconds <= 120)) {
            throw new IllegalArgumentException("seconds must be in (0, 60] and warm-up in [0, 120]");
        }
    }

    /** Default: 5 peers × (5 rounds × 3 s + 4 s warm-up) ≈ 95 s plus start-up, inside the 3-minute budget. */
    public static BenchOptions standard() {
        return new BenchOptions(5, 3, 4);
    }

    /** The same durations, only the peers whose names contain one of {@code names}. */
    public BenchOptions only(java.util.List<String> names) {
        return new BenchOptions(rounds, seconds, warmupSeconds, names);
    }

    /** Whether a peer called {@code name} is measured. */
    public boolean includes(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return only.isEmpty() || only.stream().anyMatch(o -> n.contains(o.toLowerCase(java.util.Locale.ROOT)));
    }

    /** A smoke run of about 20 s: numbers only roughly right. */
    public static BenchOptions quick() {
        return new BenchOptions(3, 1, 1);
    }
}
