package tlsconf.conformance.check;

/**
 * The requirement a check tests, as TLS-Anvil annotates its tests: RFC number, section and the MUST in a short
 * paraphrase (RFC prose is not copied; the section is the authority).
 */
public record Requirement(int rfc, String section, String text) {
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
}
