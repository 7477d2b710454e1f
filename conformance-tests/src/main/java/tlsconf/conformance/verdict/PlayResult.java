package tlsconf.conformance.verdict;

import java.util.List;

/**
 * What playing one scenario produced: the final observation the judge looks at, and the trace of events
 * (sent and received records and messages, in order) for reports and replay.
 */
public record PlayResult(Observation observation, List<String> trace) {
    public PlayResult {
        trace = List.copyOf(trace);
    }
}
