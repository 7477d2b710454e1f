package tlsconf.vectors;

import java.util.List;

/**
 * What a load found: every file that parsed (a file whose only problem is a duplicate id is kept, so its replay
 * can still point at what differs) and every problem in every file.
 */
public record LoadResult(List<VectorFile> files, List<VectorError> errors) {
    public LoadResult {
        files = List.copyOf(files);
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
