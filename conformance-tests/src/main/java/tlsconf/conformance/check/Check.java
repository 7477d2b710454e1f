package tlsconf.conformance.check;

import java.util.List;
import java.util.SplittableRandom;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * One entry of the catalogue: an id ({@code tls13.finished.corrupted}), the requirement it tests, where it
 * applies, and a generator of scenarios. Generators are seeded and must return the same scenarios for the same
 * seed, so a run is reproducible from its printed seed.
 */
public record Check(String id, String family, Requirement requirement, String expectedReaction,
                    Applicability applicability, ScenarioGenerator generator, String pending) {

    public static Check of(String id, String family, Requirement requirement, String expectedReaction,
                           Applicability applicability, ScenarioGenerator generator) {
        return new Check(id, family, requirement, expectedReaction, applicability, generator, null);
    }

    /** A catalogued check whose scenarios cannot be played yet; reported as skipped with {@code why}. */
    public static Check pending(String id, String family, Requirement requirement, String expectedReaction,
                                Applicability applicability, String why) {
        return new Check(id, family, requirement, expectedReaction, applicability, null, why);
    }

    /** Produces the scenarios of a check for a target role, version and profile. */
    @FunctionalInterface
    public interface ScenarioGenerator {
        List<Scenario> generate(String checkId, TlsVersion version, Role targetRole, Profile profile,
                                SplittableRandom random);
    }

    public List<Scenario> scenarios(TlsVersion version, Role targetRole, Profile profile, long seed) {
        // Each check draws from its own stream, so adding a check does not change the others' scenarios.
        return generator.generate(id, version, targetRole, profile, new SplittableRandom(seed ^ id.hashCode()));
    }
}
