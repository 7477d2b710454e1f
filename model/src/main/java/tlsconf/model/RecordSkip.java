package tlsconf.model;

import java.util.Objects;
import java.util.Set;
import tlsconf.model.event.Protection;

/**
 * A rule "records under these keys are skipped in these states": whatever message they hold, the receiver cannot
 * decrypt them and drops them (RFC 8446 §4.2.10: a server that rejects 0-RTT skips the early records). It stands
 * for one ignored self-loop per message kind without listing them all.
 */
public record RecordSkip(Set<State> states, Protection protection, Guard guard, Citation citation) {

    public RecordSkip {
        states = Set.copyOf(states);
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(citation, "citation");
    }
}
