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
                case TRANSCRIPT -> transcript(file, context);
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
    private static java.util.Optional<tlsconf.vectors.kind.Transcript> find(String id, LoadResult context) {
        java.util.stream.Stream<VectorFile> candidates = context.files().stream();
        java.util.Optional<VectorFile> f = candidates.filter(v -> v.id().equals(id)).findFirst();
        if (f.isEmpty()) {
            f = VectorLoader.loadShipped().files().stream().filter(v -> v.id().equals(id)).findFirst();
        }
        return f.map(VectorFile::body).filter(b -> b instanceof tlsconf.vectors.kind.Transcript)
                .map(b -> (tlsconf.vectors.kind.Transcript) b);
    }

    private static List<Outcome> transcript(VectorFile file, LoadResult context) {
        tlsconf.vectors.kind.Transcript t = (tlsconf.vectors.kind.Transcript) file.body();
        List<Outcome> out = new ArrayList<>();
        out.add(TranscriptReplay.run(file));
        if (ReferenceClientReplay.applies(t) && t.resumes().isEmpty()) {
            out.add(ReferenceClientReplay.run(file));
        } else if (ReferenceClientReplay.applies(t)) {
            java.util.Optional<tlsconf.vectors.kind.Transcript> previous = find(t.resumes().get(), context);
            out.add(previous.isPresent() ? ReferenceClientReplay.runResumption(file, previous.get())
                    : Outcome.failed(file.id() + "/reference-client", file.location(),
                            "resumed transcript '" + t.resumes().get() + "' not found"));
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
