package tlsconf.conformance.run;

import java.time.Duration;
import java.util.Set;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.verdict.Strictness;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The choices of one run, shared by the CLI and the JUnit factory.
 *
 * @param stepTimeout     how long the peer waits for any one reaction of the target before observing a timeout
 * @param maxShrinkSteps  bound on re-plays spent shrinking one failing scenario
 * @param keyLogDir       where the test peer writes NSS key log files (one per check and role), or null: key
 *                        material is written only when asked
 */
public record RunOptions(Set<TlsVersion> versions, Profile profile, long seed, Strictness strictness,
                         Duration stepTimeout, int maxShrinkSteps, java.nio.file.Path keyLogDir) {
    public RunOptions {
        versions = Set.copyOf(versions);
    }

    public RunOptions(Set<TlsVersion> versions, Profile profile, long seed, Strictness strictness,
                      Duration stepTimeout, int maxShrinkSteps) {
        this(versions, profile, seed, strictness, stepTimeout, maxShrinkSteps, null);
    }

    public RunOptions withKeyLogDir(java.nio.file.Path dir) {
        return new RunOptions(versions, profile, seed, strictness, stepTimeout, maxShrinkSteps, dir);
    }

    public static RunOptions defaults(long seed) {
        return new RunOptions(Set.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3), Profile.DEFAULT, seed,
                Strictness.EXACT, Duration.ofSeconds(2), 64);
    }

    public RunOptions withProfile(Profile p) {
        return new RunOptions(versions, p, seed, strictness, stepTimeout, maxShrinkSteps, keyLogDir);
    }

    public RunOptions withVersions(Set<TlsVersion> v) {
        return new RunOptions(v, profile, seed, strictness, stepTimeout, maxShrinkSteps, keyLogDir);
    }

    public RunOptions withStrictness(Strictness s) {
        return new RunOptions(versions, profile, seed, s, stepTimeout, maxShrinkSteps, keyLogDir);
    }

    public RunOptions withStepTimeout(Duration d) {
        return new RunOptions(versions, profile, seed, strictness, d, maxShrinkSteps, keyLogDir);
    }
}
