package tlsconf.conformance.peer;

import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.Connection;
import tlsconf.conformance.verdict.PlayResult;

/**
 * The attacking peer: plays the other role of a scenario over a connection to the target, applying the
 * scenario's faults on its own real handshake, and reads the target's reaction back. Implementations must not
 * throw for anything the target does: every reaction (including garbage) becomes an observation.
 */
public interface TestPeer {

    PlayResult play(Scenario scenario, Connection connection);

    /** The faults this peer can apply; a scenario with another fault is reported as not playable. */
    boolean supports(tlsconf.conformance.scenario.Fault fault);
}
