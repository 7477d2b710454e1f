package tlsconf.conformance.check;

import java.util.Locale;

/** How many scenarios each check generates: quick for the build, default for a normal run, full for campaigns. */
public enum Profile {
    QUICK,
    DEFAULT,
    FULL;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile fromCliName(String name) {
        for (Profile p : values()) {
            if (p.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "' (expected quick, default or full)");
    }

    /** Picks a sample size for a space of {@code all} cases: quick a few, default some, full everything. */
    public int sample(int all, int quick, int dflt) {
        return switch (this) {
            case QUICK -> Math.min(all, quick);
            case DEFAULT -> Math.min(all, dflt);
            case FULL -> all;
        };
    }
}
