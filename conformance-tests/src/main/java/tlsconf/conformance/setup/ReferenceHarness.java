package tlsconf.conformance.setup;

import tlsconf.conformance.peer.ReferencePeer;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.target.ReferenceTarget;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;

/** The embedded reference implementation as a target, in-process, with the reference-based test peer. */
final class ReferenceHarness {
    private ReferenceHarness() {
    }

    static Harness create(Role role, RunOptions options) {
        TestPki pki = TestPki.shared();
        return new Harness(new ReferenceTarget(role, pki, ServerNames.forPki(pki)),
                new ReferencePeer(pki, options.stepTimeout(), ServerNames.DEFAULT, options.keyLogDir()));
    }
}
