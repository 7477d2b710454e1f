package tlsconf.conformance.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.PresetClientTarget;
import tlsconf.conformance.target.PresetServerTarget;
import tlsconf.conformance.target.TargetSetupException;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Capabilities;
import tlsconf.peers.ClientAuthMode;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerCredentials;
import tlsconf.peers.PeerPreset;
import tlsconf.peers.Presets;
import tlsconf.peers.SigScheme;

/**
 * Targets from the tlsconf.peers presets (openssl, gnutls, nss, botan, wolfssl, mbedtls; in-process jsse and
 * bcjsse). Servers are started once per run and version with the test PKI's ECDSA chain and asked to request (not
 * require) client certificates when they can, so client-certificate checks apply; clients are started per scenario,
 * trusting the test roots they can verify and checking the scenario's name.
 *
 * <p>What a target announces comes from the preset's {@link Capabilities}: the versions it speaks (a version it
 * lacks is reported as skipped by the runner), whether its server requests client certificates, whether its
 * client refuses a chain it cannot verify (Botan's command-line client only prints the failure), whether it
 * can answer a HelloRetryRequest (TLS 1.3 only), and whether its TLS 1.2 client offers no RSA key-transport suite
 * ({@link Capability#NO_RSA_KEY_TRANSPORT}: Botan and Debian's wolfSSL, seen on the wire).
 */
final class PresetHarness {
    private PresetHarness() {
    }

    /** One harness per requested version the preset speaks: servers are pinned to one version each. */
    static List<Harness> create(String name, Role role, RunOptions options) {
        PeerPreset preset = preset(name);
        Set<TlsVersion> speaks = preset.capabilities(role).versions();
        List<Harness> out = new ArrayList<>();
        for (TlsVersion v : List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)) {
            if (options.versions().contains(v) && speaks.contains(v)) {
                out.add(create(name, role, v, options));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(preset.capabilities(role).peer() + " does not speak TLS "
                    + String.join(" or ", options.versions().stream().map(TlsVersion::label).sorted().toList())
                    + " (it speaks " + String.join(", ", speaks.stream().map(TlsVersion::label).sorted().toList())
                    + ")");
        }
        return out;
    }

    static Harness create(String name, Role role, TlsVersion version, RunOptions options) {
        PeerPreset preset = preset(name);
        Capabilities caps = preset.capabilities(role);
        TestPki pki = TestPki.shared();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("tlsconf-" + name + "-");
        } catch (IOException e) {
            throw new TargetSetupException("cannot create a work directory: " + e.getMessage(), e);
        }
        List<X509Certificate> roots = roots(pki, caps);
        int connectMillis = (int) Math.max(500, options.stepTimeout().toMillis());
        if (role == Role.SERVER) {
            TestPki.Chain chain = pki.serverChain(KeyType.EC_P256);
            boolean requests = caps.clientAuth().contains(ClientAuthMode.REQUEST);
            PeerConfig config = PeerConfig.builder().version(version)
                    .credentials(new PeerCredentials(chain.certificates(), chain.leafKey()))
                    .clientAuth(requests ? ClientAuthMode.REQUEST : ClientAuthMode.NONE)
                    .trustAnchors(roots).build();
            Set<Capability> targetCaps = EnumSet.of(Capability.OBSERVABLE_COMPLETION);
            if (version == TlsVersion.TLS_1_3) {
                targetCaps.add(Capability.HELLO_RETRY_REQUEST);
            }
            if (requests) {
                targetCaps.add(Capability.REQUESTS_CLIENT_CERTIFICATE);
            }
            return new Harness(new PresetServerTarget(preset, config, workDir, targetCaps, connectMillis),
                    PeerFactory.forSocketTarget(options));
        }
        Function<Scenario, String> names = ServerNames.forPki(pki);
        Set<Capability> targetCaps = EnumSet.of(Capability.OBSERVABLE_COMPLETION);
        if (version == TlsVersion.TLS_1_3) {
            targetCaps.add(Capability.HELLO_RETRY_REQUEST);
        }
        if (refusesUnverifiedChains(preset)) {
            targetCaps.add(Capability.VERIFIES_SERVER_CERTIFICATE);
        }
        if (version == TlsVersion.TLS_1_2 && !caps.rsaKeyTransport()) {
            targetCaps.add(Capability.NO_RSA_KEY_TRANSPORT);
        }
        return new Harness(new PresetClientTarget(preset,
                scenario -> PeerConfig.builder().version(version).serverName(names.apply(scenario))
                        .trustAnchors(roots).build(),
                workDir, targetCaps, Duration.ofMillis(Math.max(5000, options.stepTimeout().toMillis() * 3)),
                version), PeerFactory.forSocketTarget(options));
    }

    /** The preset, installed: otherwise the one line naming what to install (exit status 2). */
    private static PeerPreset preset(String name) {
        PeerPreset preset = Presets.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown preset '" + name + "'"));
        Optional<String> missing = preset.missing();
        if (missing.isPresent()) {
            throw new TargetSetupException(missing.get());
        }
        return preset;
    }

    /**
     * The test roots the peer can verify: NSS 3.87 and Botan 2.19 take no Ed25519 certificates, and a root they
     * cannot parse would stop them from starting; no check needs the Ed25519 root of a client target.
     */
    private static List<X509Certificate> roots(TestPki pki, Capabilities caps) {
        List<X509Certificate> out = new ArrayList<>();
        for (KeyType type : List.of(KeyType.EC_P256, KeyType.RSA_2048, KeyType.ED25519)) {
            X509Certificate root = pki.root(type);
            if (SigScheme.forKey(root.getPublicKey()).map(caps::supports).orElse(false)) {
                out.add(root);
            }
        }
        return out;
    }

    /**
     * Whether the preset's client ends the handshake when the server's chain does not verify. Botan's
     * {@code tls_client} prints "Certificate validation status: ..." and carries on whatever it says, so the
     * certificate checks cannot observe its verdict on the wire and are skipped for it.
     */
    private static boolean refusesUnverifiedChains(PeerPreset preset) {
        return !preset.name().equals("botan");
    }
}
