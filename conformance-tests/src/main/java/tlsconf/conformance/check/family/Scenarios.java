package tlsconf.conformance.check.family;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** Small helpers the families share to build numbered scenario lists. */
final class Scenarios {
    private final String checkId;
    private final TlsVersion version;
    private final Role targetRole;
    private final List<Scenario> out = new ArrayList<>();

    Scenarios(String checkId, TlsVersion version, Role targetRole) {
        this.checkId = checkId;
        this.version = version;
        this.targetRole = targetRole;
    }

    Scenarios add(Expectation expected, List<String> options, Fault... faults) {
        out.add(new Scenario(checkId, out.size(), version, targetRole, options, List.of(faults), expected));
        return this;
    }

    Scenarios add(Expectation expected, Fault... faults) {
        return add(expected, List.of(), faults);
    }

    List<Scenario> build() {
        return List.copyOf(out);
    }

    /** {@code count} distinct values of [0, bound), seeded; all of them, in order, when count >= bound. */
    static int[] sample(SplittableRandom random, int bound, int count) {
        if (count >= bound) {
            return IntStream.range(0, bound).toArray();
        }
        return random.ints(0, bound).distinct().limit(count).sorted().toArray();
    }

    /** The role the test peer plays against a target in {@code targetRole}. */
    static Role peerRole(Role targetRole) {
        return targetRole.peer();
    }
}
