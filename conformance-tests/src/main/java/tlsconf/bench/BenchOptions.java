package tlsconf.bench;

/** How long to measure: measured rounds, seconds per peer per round, warm-up seconds per peer. */
public record BenchOptions(int rounds, double seconds, double warmupSeconds) {
    public BenchOptions {
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

    /** A smoke run of about 20 s: numbers only roughly right. */
    public static BenchOptions quick() {
        return new BenchOptions(3, 1, 1);
    }
}
