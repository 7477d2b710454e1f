package tlsconf.vectorrun;

import tlsconf.vectors.VectorFile;
import tlsconf.vectors.kind.Recording;

/**
 * Golden transcripts of real peers. Replaying one needs the reference implementation's deterministic mode driven
 * over a {@link ReplayingTransport}; until that driver exists a recording is reported as skipped (with its flow
 * count), never as passed.
 */
final class RecordingReplay {
    private RecordingReplay() {
    }

    static Outcome run(VectorFile file) {
        Recording r = (Recording) file.body();
        return Outcome.skipped(file.id(), file.location(), r.flows().size() + " flows recorded against "
                + r.peer().name() + " " + r.peer().version()
                + "; replaying needs the deterministic reference handshake driver (not built yet)");
    }
}
