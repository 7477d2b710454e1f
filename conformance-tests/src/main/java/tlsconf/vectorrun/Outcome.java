package tlsconf.vectorrun;

/**
 * The result of replaying one vector (a transcript file, a KDF case, a Wycheproof file, a certificate case):
 * passed, failed with the first difference, or skipped with the reason (never a silent pass).
 */
public record Outcome(String vectorId, String location, Status status, String detail) {
    /** The three verdicts. */
    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    public static Outcome passed(String id, String location, String detail) {
        return new Outcome(id, location, Status.PASSED, detail);
    }

    public static Outcome failed(String id, String location, String detail) {
        return new Outcome(id, location, Status.FAILED, detail);
    }

    public static Outcome skipped(String id, String location, String detail) {
        return new Outcome(id, location, Status.SKIPPED, detail);
    }

    /**
     * The one line the CLI prints: {@code passed  rfc8448/3-simple-1rtt: 95 values reproduced ...}; a failure also
     * names the file, since a copied file may share the id.
     */
    public String line() {
        String where = status == Status.FAILED ? " [" + location + "]" : "";
        return String.format("%-7s %s%s: %s", status.name().toLowerCase(), vectorId, where, detail);
    }
}
