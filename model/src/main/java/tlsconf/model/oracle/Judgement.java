package tlsconf.model.oracle;

import java.util.Objects;

/**
 * The verdict on one observed reaction: passed or not, with the expectation and the observation in words.
 * {@code note} says more when relevant (an acceptable alert that is not the preferred one), else empty.
 */
public record Judgement(boolean passed, Strictness strictness, String expected, String observed, String note) {

    public Judgement {
        Objects.requireNonNull(strictness, "strictness");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(note, "note");
    }

    /** {@code FAIL (EXACT): expected fatal alert unexpected_message (10) [...]; observed handshake completed}. */
    public String summary() {
        return (passed ? "PASS" : "FAIL") + " (" + strictness + "): expected " + expected + "; observed " + observed
                + (note.isEmpty() ? "" : " (" + note + ")");
    }

    @Override
    public String toString() {
        return summary();
    }
}
