package tlsconf.model;

import java.util.Objects;

/**
 * Where a rule comes from: RFC number, section, and the requirement in a few words of our own.
 * {@code RFC 8446 §4.1.4: a second HelloRetryRequest is unexpected_message}.
 */
public record Citation(int rfc, String section, String requirement) {

    public Citation {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(requirement, "requirement");
        if (rfc <= 0 || section.isBlank() || requirement.isBlank()) {
            throw new IllegalArgumentException("a citation names an RFC, a section and a requirement");
        }
    }

    public static Citation rfc8446(String section, String requirement) {
        return new Citation(8446, section, requirement);
    }

    public static Citation rfc5246(String section, String requirement) {
        return new Citation(5246, section, requirement);
    }

    public static Citation rfc5077(String section, String requirement) {
        return new Citation(5077, section, requirement);
    }

    public static Citation rfc8422(String section, String requirement) {
        return new Citation(8422, section, requirement);
    }

    /** {@code RFC 8446 §4.1.4}. */
    public String reference() {
        return "RFC " + rfc + " §" + section;
    }

    @Override
    public String toString() {
        return reference() + ": " + requirement;
    }
}
