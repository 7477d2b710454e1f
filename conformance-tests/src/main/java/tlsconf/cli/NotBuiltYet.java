package tlsconf.cli;

/** Commands whose issue has not landed yet say so and exit 2, rather than pretending to work. */
final class NotBuiltYet {
    private NotBuiltYet() {
    }

    static Integer refuse(String command, String issue) {
        throw new UsageException("'" + command + "' is not built yet (" + issue + ")");
    }
}
