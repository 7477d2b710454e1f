package tlsconf.conformance.check;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** Where a check applies: protocol versions, the role the target plays, and the capabilities it needs. */
public record Applicability(Set<TlsVersion> versions, Set<Role> targetRoles, Set<Capability> needs) {
    public Applicability {
        versions = Set.copyOf(versions);
        targetRoles = Set.copyOf(targetRoles);
        needs = Set.copyOf(needs);
    }

    public static Applicability tls13(Set<Role> roles, Capability... needs) {
        return new Applicability(EnumSet.of(TlsVersion.TLS_1_3), roles,
                needs.length == 0 ? EnumSet.noneOf(Capability.class) : EnumSet.of(needs[0], needs));
    }

    /** Why the check does not apply to a target, or empty when it does. */
    public Optional<String> reasonNotApplicable(TlsVersion version, Role targetRole, Set<Capability> has) {
        if (!versions.contains(version)) {
            return Optional.of("not a TLS " + version.label() + " check");
        }
        if (!targetRoles.contains(targetRole)) {
            return Optional.of("does not apply to a " + targetRole.cliName() + " target");
        }
        for (Capability c : needs) {
            if (!has.contains(c)) {
                return Optional.of(c.missingReason());
            }
        }
        return Optional.empty();
    }
}
