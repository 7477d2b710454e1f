package tlsconf.conformance.target;

import java.util.Locale;

/**
 * How to (re)create a target, as the user named it: a preset, a server address or a client command, plus the
 * role for presets (null: both). Stored in replay files so {@code tlsconf replay} rebuilds the same target.
 */
public record TargetSpec(String preset, String role, String server, String clientCommand) {

    public static TargetSpec reference(String role) {
        return new TargetSpec("reference", role, null, null);
    }

    /** {@code reference}, {@code server 127.0.0.1:4433}, {@code client command 'openssl s_client ...'}. */
    public String describe() {
        if (server != null) {
            return "server " + server;
        }
        if (clientCommand != null) {
            return "client command '" + clientCommand + "'";
        }
        return preset + (role == null ? "" : " (" + role.toLowerCase(Locale.ROOT) + ")");
    }
}
