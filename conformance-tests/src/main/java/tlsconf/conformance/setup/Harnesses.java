package tlsconf.conformance.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.target.ClientCommandTarget;
import tlsconf.conformance.target.ServerAddressTarget;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.model.vocabulary.Role;

/**
 * Turns a target spec (what the user named) into harnesses: one target per role, each with the test peer that
 * plays against it. The only place that knows the presets.
 */
public final class Harnesses {
    public static final List<String> PRESETS = List.of("reference", "jsse", "bcjsse", "openssl", "gnutls", "nss",
            "botan", "wolfssl", "mbedtls");

    private Harnesses() {
    }

    public static List<Harness> create(TargetSpec spec, Set<Role> roles, RunOptions options) {
        int connectMillis = (int) Math.max(500, options.stepTimeout().toMillis());
        if (spec.server() != null) {
            return List.of(new Harness(ServerAddressTarget.parse(spec.server(), connectMillis),
                    PeerFactory.forSocketTarget(options)));
        }
        if (spec.clientCommand() != null) {
            tlsconf.impl.cert.TestPki pki = tlsconf.impl.cert.TestPki.shared();
            java.nio.file.Path ca;
            try {
                ca = java.nio.file.Files.createTempFile("tlsconf-roots-", ".pem");
                tlsconf.peers.PemFiles.writeCertificates(ca, List.of(pki.root(tlsconf.impl.cert.KeyType.EC_P256),
                        pki.root(tlsconf.impl.cert.KeyType.RSA_2048), pki.root(tlsconf.impl.cert.KeyType.ED25519)));
            } catch (java.io.IOException | RuntimeException e) {
                throw new tlsconf.conformance.target.TargetSetupException("cannot write the test roots: "
                        + e.getMessage(), e);
            }
            return List.of(new Harness(ClientCommandTarget.of(spec.clientCommand(),
                    options.stepTimeout().multipliedBy(5), ca, ServerNames.forPki(pki)),
                    PeerFactory.forSocketTarget(options)));
        }
        List<Harness> out = new ArrayList<>();
        for (Role role : List.of(Role.SERVER, Role.CLIENT)) {
            if (roles.contains(role) && (spec.role() == null || spec.role().equals(role.cliName()))) {
                out.addAll(preset(spec.preset(), role, options));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no target role selected");
        }
        return out;
    }

    private static List<Harness> preset(String name, Role role, RunOptions options) {
        return switch (name) {
            case "reference" -> List.of(ReferenceHarness.create(role, options));
            case "jsse", "bcjsse", "openssl", "gnutls", "nss", "botan", "wolfssl", "mbedtls" ->
                    PresetHarness.create(name, role, options);
            default -> throw new IllegalArgumentException("unknown target '" + name + "' (presets: "
                    + String.join(", ", PRESETS) + ")");
        };
    }

    /** {@code reference server and client (in-process)}: the run's one-line target description. */
    public static String describe(TargetSpec spec, List<Harness> harnesses) {
        return harnesses.stream().map(h -> h.target().description()).collect(Collectors.joining("; "));
    }
}
