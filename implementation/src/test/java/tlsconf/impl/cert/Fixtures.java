package tlsconf.impl.cert;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** One seeded PKI at a fixed instant, shared by the tests of this package (RSA key generation is slow). */
final class Fixtures {
    /** 2026-06-01T12:00:00Z: the validation time of every test. */
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final long SEED = 20260601L;
    static final TestPki PKI = TestPki.seeded(SEED, CLOCK);

    private Fixtures() {
    }
}
