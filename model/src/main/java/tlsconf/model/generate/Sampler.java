package tlsconf.model.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random selection, for the conformance engine to sample paths or deviations. The same seed always
 * selects the same elements of the same list; the caller prints {@link #seed()} so a run can be replayed.
 */
public final class Sampler {

    private final long seed;

    public Sampler(long seed) {
        this.seed = seed;
    }

    /** A sampler with a fresh seed (print it!). */
    public static Sampler withFreshSeed() {
        return new Sampler(new SplittableRandom().nextLong());
    }

    public long seed() {
        return seed;
    }

    /** {@code n} distinct elements of {@code from} (all of them if fewer), in a seed-determined order. */
    public <T> List<T> sample(List<T> from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("sample size must be >= 0, got " + n);
        }
        List<T> pool = new ArrayList<>(from);
        SplittableRandom random = new SplittableRandom(seed);
        int k = Math.min(n, pool.size());
        // partial Fisher-Yates: the first k positions end up a uniform sample
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.size() - i);
            T tmp = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, tmp);
        }
        return List.copyOf(pool.subList(0, k));
    }

    @Override
    public String toString() {
        return "seed=" + seed;
    }
}
