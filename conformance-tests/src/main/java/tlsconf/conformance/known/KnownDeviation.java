package tlsconf.conformance.known;

import java.util.List;

/**
 * One known deviation: a check that a target is known to fail, with the reason (checked by hand). {@code target}
 * and {@code role} narrow it; null means any.
 *
 * <p>{@code observed} pins what was seen: when not empty, the entry covers a failing check only if every deviating
 * scenario's observation contains one of these texts (e.g. {@code "internal_error"}). A check known for one wrong
 * alert then still reports as new when the target one day accepts what it refused (an intermittent or partial entry
 * must not hide the CVE its check is about).
 */
public record KnownDeviation(String target, String role, String check, String reason, List<String> observed) {
    public KnownDeviation {
        observed = observed == null ? List.of() : List.copyOf(observed);
    }

    public KnownDeviation(String target, String role, String check, String reason) {
        this(target, role, check, reason, List.of());
    }

    public boolean matches(String targetName, String roleName, String checkId) {
        return check.equals(checkId)
                && (target == null || target.equals(targetName))
                && (role == null || role.equals(roleName));
    }

    /** Whether the entry covers these observations of the deviating scenarios (always, when nothing is pinned). */
    public boolean covers(List<String> observations) {
        return observed.isEmpty() || observations.stream().allMatch(o -> observed.stream().anyMatch(o::contains));
    }
}
