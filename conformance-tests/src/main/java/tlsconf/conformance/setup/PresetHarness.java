package tlsconf.conformance.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.target.PresetClientTarget;
import tlsconf.conformance.target.PresetServerTarget;
import tlsconf.conformance.target.TargetSetupException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.ClientAuthMode;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerCredentials;
import tlsconf.peers.PeerPreset;
import tlsconf.peers.Presets;

/**
 * Targets from the tlsconf.peers presets (openssl, gnutls, jsse). Servers are started once per run with the test
 * PKI's ECDSA chain and asked to request (not require) client certificates, so client-certificate checks apply;
 * clients are started per scenario, trusting the test roots and checking the scenario's server name.
 */
final class PresetHarness {
    private PresetHarness() {
    }

    /** One harness per requested version the preset speaks: servers are pinned to one version each. */
    static List<Harness> create(String name, Role role, RunOptions options) {
        PeerPreset preset = Presets.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown preset '" + name + "'"));
        List<Harness> out = new java.util.ArrayList<>();
        for (TlsVersion v : List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)) {
            if (options.versions().contains(v) && preset.capabilities(role).versions().contains(v)) {
                out.add(create(name, role, v, options));
            }
        }
        if (out.isEmpty()) {
            out.add(create(name, role, TlsVersion.TLS_1_3, options));
        }
        return out;
    }

    static Harness create(String name, Role role, TlsVersion version, RunOptions options) {
        PeerPreset preset = Presets.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown preset '" + name + "'"));
        if (!preset.installed()) {
            throw new TargetSetupException(name + " is not installed (install it as PEERS.md says)");
        }
        TestPki pki = TestPki.shared();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("tlsconf-" + name + "-");
        } catch (IOException e) {
            throw new TargetSetupException("cannot create a work directory: " + e.getMessage(), e);
        }
        List<java.security.cert.X509Certificate> roots = List.of(pki.root(KeyType.EC_P256),
                pki.root(KeyType.RSA_2048), pki.root(KeyType.ED25519));
        int connectMillis = (int) Math.max(500, options.stepTimeout().toMillis());
        if (role == Role.SERVER) {
            TestPki.Chain chain = pki.serverChain(KeyType.EC_P256);
            boolean requests = preset.capabilities(Role.SERVER).clientAuth().contains(ClientAuthMode.REQUEST);
            PeerConfig config = PeerConfig.builder().version(version)
                    .credentials(new PeerCredentials(chain.certificates(), chain.leafKey()))
                    .clientAuth(requests ? ClientAuthMode.REQUEST : ClientAuthMode.NONE)
                    .trustAnchors(roots).build();
            Set<Capability> caps = EnumSet.of(Capability.OBSERVABLE_COMPLETION, Capability.HELLO_RETRY_REQUEST);
            if (requests) {
                caps.add(Capability.REQUESTS_CLIENT_CERTIFICATE);
            }
            return new Harness(new PresetServerTarget(preset, config, workDir, caps, connectMillis),
                    PeerFactory.forSocketTarget(options));
        }
        java.util.function.Function<tlsconf.conformance.scenario.Scenario, String> names = ServerNames.forPki(pki);
        return new Harness(new PresetClientTarget(preset,
                scenario -> PeerConfig.builder().version(version).serverName(names.apply(scenario))
                        .trustAnchors(roots).build(),
                workDir, EnumSet.of(Capability.OBSERVABLE_COMPLETION, Capability.VERIFIES_SERVER_CERTIFICATE,
                        Capability.HELLO_RETRY_REQUEST),
                Duration.ofMillis(Math.max(5000, options.stepTimeout().toMillis() * 3)), version),
                PeerFactory.forSocketTarget(options));
    }
}
