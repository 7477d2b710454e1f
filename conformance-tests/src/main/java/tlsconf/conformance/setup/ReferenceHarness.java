package tlsconf.conformance.setup;

import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.target.TargetSetupException;
import tlsconf.model.vocabulary.Role;

/** The embedded reference implementation as a target, in-process, with the reference-based test peer. */
final class ReferenceHarness {
    private ReferenceHarness() {
    }

    static Harness create(Role role, RunOptions options) {
        throw new TargetSetupException("the reference target is not bound yet (waiting for the implementation seam)");
    }
}
