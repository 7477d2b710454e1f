package tlsconf.conformance.check;

import java.util.Objects;

/**
 * The requirement a check tests, as TLS-Anvil annotates its tests: RFC number, section and the MUST in a short
 * paraphrase (RFC prose is not copied; the section is the authority), and its {@link Kind}: whether breaking it is
 * a deviation from the RFC at all.
 *
 * <p>Most checks test an RFC MUST. A few test something the RFC only recommends (RFC 8446 §4.4.2.4 on SHA-1
 * certificate signatures) or a policy from outside the RFC (a minimum RSA key size: RFC 8446 and RFC 5246 set none;
 * the CA/Browser Forum Baseline Requirements and NIST SP 800-131A do). A target that does not follow those is worth
 * telling its users about, but it has not broken its RFC: such a check's deviations are advisories, not failures.
 */
public record Requirement(int rfc, String section, String text, Kind kind) {

    public Requirement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    /** An RFC MUST. */
    public Requirement(int rfc, String section, String text) {
        this(rfc, section, text, new Must());
    }

    public static Requirement rfc8446(String section, String text) {
        return new Requirement(8446, section, text);
    }

    public static Requirement rfc5246(String section, String text) {
        return new Requirement(5246, section, text);
    }

    /** {@code RFC 8446 §4.4.4}. */
    public String citation() {
        return "RFC " + rfc + " §" + section;
    }

    /** Whether a deviation is an advisory (not counted as failed, no exit status 1) rather than a failure. */
    public boolean advisory() {
        return kind.advisory();
    }

    /**
     * What kind of rule a check tests. Exhaustive by construction: a new kind must say whether it is advisory and
     * how reports name it.
     */
    public sealed interface Kind permits Must, Recommended, Policy {
        /** Deviations are advisories, not failures. */
        boolean advisory();

        /** The report label: {@code must}, {@code recommended}, {@code policy}. */
        String label();

        /** One line for reports: what the kind means for a target that deviates. */
        String describe(Requirement r);
    }

    /** An RFC MUST or MUST NOT (RFC 2119): a target that deviates fails the check. */
    public record Must() implements Kind {
        @Override
        public boolean advisory() {
            return false;
        }

        @Override
        public String label() {
            return "must";
        }

        @Override
        public String describe(Requirement r) {
            return "an RFC MUST (" + r.citation() + ")";
        }
    }

    /** What the RFC itself calls RECOMMENDED or SHOULD (RFC 2119 §3): not following it is an advisory. */
    public record Recommended() implements Kind {
        @Override
        public boolean advisory() {
            return true;
        }

        @Override
        public String label() {
            return "recommended";
        }

        @Override
        public String describe(Requirement r) {
            return r.citation() + " recommends this but does not require it (not a MUST): a target that does "
                    + "otherwise is not counted as failed";
        }
    }

    /**
     * A policy from outside the RFC, with its source ("CA/Browser Forum Baseline Requirements §6.1.5; NIST SP
     * 800-131A"): not following it is an advisory.
     */
    public record Policy(String source) implements Kind {
        public Policy {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("a policy requirement needs its source");
            }
        }

        @Override
        public boolean advisory() {
            return true;
        }

        @Override
        public String label() {
            return "policy";
        }

        @Override
        public String describe(Requirement r) {
            return "a policy (" + source + "), not an RFC requirement: a target that does not follow it is not "
                    + "counted as failed";
        }
    }
}
