package tlsconf.vectorrun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tlsconf.vectors.LoadResult;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.VectorLoader;

/**
 * The one code path that replays vector files, shared by {@code tlsconf vectors run} and the JUnit dynamic tests:
 * load (shipped files, or the given files and folders), then one or more {@link Outcome}s per file.
 */
public final class VectorRunner {
    private VectorRunner() {
    }

    /** The given paths, or the shipped vectors when there are none. Throws UnreadablePathException for a bad path. */
    public static LoadResult load(List<Path> paths) {
        return paths.isEmpty() ? VectorLoader.loadShipped() : VectorLoader.load(paths);
    }

    public static List<Outcome> run(VectorFile file) {
        return run(file, new LoadResult(List.of(), List.of()));
    }

    /** {@code context}: the other files loaded with this one (a negative vector's base may be among them). */
    public static List<Outcome> run(VectorFile file, LoadResult context) {
        try {
            return switch (file.kind()) {
                case TRANSCRIPT -> transcript(file);
                case KDF -> KdfReplay.run(file);
                case WYCHEPROOF -> List.of(WycheproofReplay.run(file));
                case CERTIFICATE -> CertificateReplay.run(file);
                case NEGATIVE -> List.of(NegativeReplay.run(file, context));
                case RECORDING -> List.of(RecordingReplay.run(file));
            };
        } catch (RuntimeException e) {
            return List.of(Outcome.failed(file.id(), file.location(), "replay threw " + e));
        }
    }

    /** The key schedule/record replay, then the deterministic reference client and server where they apply. */
    private static List<Outcome> transcript(VectorFile file) {
        tlsconf.vectors.kind.Transcript t = (tlsconf.vectors.kind.Transcript) file.body();
        List<Outcome> out = new ArrayList<>();
        out.add(TranscriptReplay.run(file));
        if (ReferenceClientReplay.applies(t)) {
            out.add(ReferenceClientReplay.run(file));
        }
        if (ReferenceServerReplay.applies(t)) {
            out.add(ReferenceServerReplay.run(file));
        }
        return out;
    }

    public static List<Outcome> runAll(LoadResult loaded) {
        List<Outcome> out = new ArrayList<>();
        for (VectorFile f : loaded.files()) {
            out.addAll(run(f, loaded));
        }
        return out;
    }
}
