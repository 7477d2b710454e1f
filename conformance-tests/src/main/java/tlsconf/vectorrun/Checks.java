package tlsconf.vectorrun;

import java.util.ArrayList;
import java.util.List;
import tlsconf.vectors.Bytes;

/**
 * Comparisons of replayed values with a vector's values. Each failure names the place (vector id, step, JSON
 * pointer) and the first differing byte, so a one-byte change in a file is found at once.
 */
final class Checks {
    private final List<String> failures = new ArrayList<>();
    private int passed;

    /** {@code expected} is the file's value, {@code actual} what the implementation produced. */
    boolean equal(String where, Bytes expected, byte[] actual) {
        String diff = firstDifference(expected.toByteArray(), actual);
        if (diff == null) {
            passed++;
            return true;
        }
        failures.add(where + ": " + diff);
        return false;
    }

    boolean check(String where, boolean ok, String whatFailed) {
        if (ok) {
            passed++;
        } else {
            failures.add(where + ": " + whatFailed);
        }
        return ok;
    }

    void fail(String where, String why) {
        failures.add(where + ": " + why);
    }

    int passed() {
        return passed;
    }

    boolean ok() {
        return failures.isEmpty();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** The first failure, and how many more there were. */
    String summary() {
        if (failures.isEmpty()) {
            return passed + " checks passed";
        }
        return failures.get(0) + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more differences)" : "");
    }

    /** Null when equal; otherwise "differs at byte N of L: file has xx, replay gives yy" (or the length difference). */
    static String firstDifference(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        for (int i = 0; i < n; i++) {
            if (expected[i] != actual[i]) {
                return String.format("differs at byte %d (offset 0x%x) of %d: file has %02x, replay gives %02x"
                        + " (file ...%s..., replay ...%s...)", i, i, expected.length, expected[i] & 0xff,
                        actual[i] & 0xff, window(expected, i), window(actual, i));
            }
        }
        if (expected.length != actual.length) {
            return "length differs: file has " + expected.length + " bytes, replay gives " + actual.length
                    + " (equal for the first " + n + ")";
        }
        return null;
    }

    private static String window(byte[] b, int at) {
        int from = Math.max(0, at - 4);
        int to = Math.min(b.length, at + 5);
        return Bytes.toHex(java.util.Arrays.copyOfRange(b, from, to));
    }
}
