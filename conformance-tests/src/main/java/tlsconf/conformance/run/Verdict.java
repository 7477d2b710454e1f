package tlsconf.conformance.run;

/** The verdict on one check against one target. */
public enum Verdict {
    PASS,
    /** A new deviation: makes the run fail (exit 1). */
    FAIL,
    /** A deviation listed in the known-deviations file, with its reason. */
    KNOWN,
    /**
     * The target did not follow what the check's requirement only recommends, or a policy from outside the RFC
     * ({@link tlsconf.conformance.check.Requirement#advisory()}): reported with its own count, never counted as
     * failed and never a reason for exit status 1.
     */
    ADVISORY,
    /** Not applicable to the target, or not built yet; the reason says which. */
    SKIPPED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
