package tlsconf.conformance.run;

import tlsconf.conformance.peer.TestPeer;
import tlsconf.conformance.target.Target;

/** A target together with the test peer that plays against it. */
public record Harness(Target target, TestPeer peer) {
}
