package tlsconf.conformance.known;

/**
 * One known deviation: a check that a target is known to fail, with the reason (checked by hand). {@code target}
 * and {@code role} narrow it; null means any.
 */
public record KnownDeviation(String target, String role, String check, String reason) {
    public boolean matches(String targetName, String roleName, String checkId) {
        return check.equals(checkId)
                && (target == null || target.equals(targetName))
                && (role == null || role.equals(roleName));
    }
}
