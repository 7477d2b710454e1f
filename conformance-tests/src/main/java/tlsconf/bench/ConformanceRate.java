package tlsconf.bench;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.run.Conformance;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.run.RunResult;
import tlsconf.conformance.setup.Harnesses;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Conformance scenarios per second against the in-process reference (both roles, TLS 1.3, the quick profile),
 * through the same entry point as {@code tlsconf run --target reference}: the speed a user of the suite sees.
 */
public final class ConformanceRate {
    private ConformanceRate() {
    }

    /** What one run gave. */
    public record Rate(int scenarios, long failed, double seconds, double scenariosPerSecond) {
    }

    public static Rate measure(long seed) {
        RunOptions options = RunOptions.defaults(seed).withProfile(Profile.QUICK)
                .withVersions(EnumSet.of(TlsVersion.TLS_1_3));
        TargetSpec reference = new TargetSpec("reference", null, null, null);
        List<Harness> harnesses = Harnesses.create(reference, Set.copyOf(EnumSet.allOf(Role.class)), options);
        RunResult r = Conformance.run("reference (bench)", harnesses, options, KnownDeviations.none(), line -> {
        });
        return new Rate(r.scenarios(), r.count(tlsconf.conformance.run.Verdict.FAIL), r.duration().toNanos() / 1e9,
                r.scenariosPerSecond());
    }
}
