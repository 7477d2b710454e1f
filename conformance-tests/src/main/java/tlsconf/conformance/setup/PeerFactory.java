package tlsconf.conformance.setup;

import tlsconf.conformance.peer.ReferencePeer;
import tlsconf.conformance.peer.TestPeer;
import tlsconf.conformance.run.RunOptions;
import tlsconf.impl.cert.TestPki;

/** Builds the test peer for a target: always the reference implementation driven through its seam. */
final class PeerFactory {
    private PeerFactory() {
    }

    static TestPeer forSocketTarget(RunOptions options) {
        return new ReferencePeer(TestPki.shared(), options.stepTimeout(), ServerNames.DEFAULT,
                options.keyLogDir());
    }
}
