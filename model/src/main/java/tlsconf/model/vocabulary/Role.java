package tlsconf.model.vocabulary;

/** The side of a connection. */
public enum Role {
    CLIENT,
    SERVER;

    public Role peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }

    /** Lower-case name as used on the command line ({@code client}, {@code server}). */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
