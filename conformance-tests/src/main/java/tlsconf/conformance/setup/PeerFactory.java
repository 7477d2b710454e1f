package tlsconf.conformance.setup;

import tlsconf.conformance.peer.TestPeer;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.target.TargetSetupException;

/** Builds the test peer for a target. */
final class PeerFactory {
    private PeerFactory() {
    }

    static TestPeer forSocketTarget(RunOptions options) {
        throw new TargetSetupException("the test peer is not bound yet (waiting for the implementation seam)");
    }
}
