package tlsconf.vectors.json;

import java.util.ArrayList;
import java.util.List;
import tlsconf.vectors.VectorError;

/** The problems found in one file so far; parsing goes on after a problem so every error is reported at once. */
public final class Problems {
    private final String file;
    private final List<VectorError> errors = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(String pointer, String reason) {
        errors.add(new VectorError(file, pointer, reason));
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public List<VectorError> errors() {
        return List.copyOf(errors);
    }
}
