package tlsconf.conformance.check;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Where a check applies: protocol versions, the role the target plays, the capabilities it needs in any role, those
 * it needs only in one role (a server target must request client certificates for a client-certificate check; a
 * client target must verify the server's chain for a server-certificate check), and the limitations ({@link
 * Capability#limitation()}) that rule it out when a target announces them.
 */
public record Applicability(Set<TlsVersion> versions, Set<Role> targetRoles, Set<Capability> needs,
                            Map<Role, Set<Capability>> roleNeeds, Set<Capability> excludedBy) {
    public Applicability {
        versions = Set.copyOf(versions);
        targetRoles = Set.copyOf(targetRoles);
        needs = Set.copyOf(needs);
        roleNeeds = Map.copyOf(roleNeeds);
        excludedBy = Set.copyOf(excludedBy);
        for (Capability c : needs) {
            if (c.limitation()) {
                throw new IllegalArgumentException(c + " is a limitation: a check is excluded by it, never needs it");
            }
        }
        for (Capability c : excludedBy) {
            if (!c.limitation()) {
                throw new IllegalArgumentException(c + " is a capability: a check needs it, it excludes nothing");
            }
        }
    }

    public Applicability(Set<TlsVersion> versions, Set<Role> targetRoles, Set<Capability> needs,
                         Map<Role, Set<Capability>> roleNeeds) {
        this(versions, targetRoles, needs, roleNeeds, Set.of());
    }

    public Applicability(Set<TlsVersion> versions, Set<Role> targetRoles, Set<Capability> needs) {
        this(versions, targetRoles, needs, Map.of());
    }

    public static Applicability tls13(Set<Role> roles, Capability... needs) {
        return new Applicability(EnumSet.of(TlsVersion.TLS_1_3), roles,
                needs.length == 0 ? EnumSet.noneOf(Capability.class) : EnumSet.of(needs[0], needs));
    }

    public Applicability withRoleNeed(Role role, Capability need) {
        java.util.HashMap<Role, Set<Capability>> m = new java.util.HashMap<>(roleNeeds);
        EnumSet<Capability> s = EnumSet.of(need);
        s.addAll(m.getOrDefault(role, Set.of()));
        m.put(role, s);
        return new Applicability(versions, targetRoles, needs, m, excludedBy);
    }

    /** The same, skipped for a target that announces {@code limitation}. */
    public Applicability excludedBy(Capability limitation) {
        EnumSet<Capability> s = EnumSet.of(limitation);
        s.addAll(excludedBy);
        return new Applicability(versions, targetRoles, needs, roleNeeds, s);
    }

    /** Why the check does not apply to a target, or empty when it does. */
    public Optional<String> reasonNotApplicable(TlsVersion version, Role targetRole, Set<Capability> has) {
        if (!versions.contains(version)) {
            return Optional.of("not a TLS " + version.label() + " check");
        }
        if (!targetRoles.contains(targetRole)) {
            return Optional.of("does not apply to a " + targetRole.cliName() + " target");
        }
        EnumSet<Capability> all = EnumSet.noneOf(Capability.class);
        all.addAll(needs);
        all.addAll(roleNeeds.getOrDefault(targetRole, Set.of()));
        for (Capability c : all) {
            if (!has.contains(c)) {
                return Optional.of(c.missingReason());
            }
        }
        for (Capability c : excludedBy) {
            if (has.contains(c)) {
                return Optional.of(c.missingReason());
            }
        }
        return Optional.empty();
    }
}
