package tlsconf.conformance.target;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.impl.ClientAuth;
import tlsconf.impl.RandomSource;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The embedded reference implementation as the target, in-process: one fresh engine per scenario, deterministic
 * randomness per scenario (so replays are byte-exact), certificates from the shared test PKI.
 */
public final class ReferenceTarget implements Target {
    private final Role role;
    private final TestPki pki;
    private final Function<Scenario, String> expectedServerName;
    private final UnaryOperator<TlsConfig.Builder> tweak;
    /** Looked up once (by {@link #start()} or the first scenario), not per scenario. */
    private volatile List<java.security.cert.X509Certificate> trustAnchors;
    private volatile TestPki.Chain serverChain;

    /**
     * @param expectedServerName for a client target: the name it must check for a scenario (name defects present
     *        chains for other names)
     */
    public ReferenceTarget(Role role, TestPki pki, Function<Scenario, String> expectedServerName) {
        this(role, pki, expectedServerName, UnaryOperator.identity());
    }

    /**
     * @param tweak changes the target's configuration after the defaults: tests use it to build deliberately
     *        non-conforming targets and check that the catalogue catches them
     */
    public ReferenceTarget(Role role, TestPki pki, Function<Scenario, String> expectedServerName,
                           UnaryOperator<TlsConfig.Builder> tweak) {
        this.role = role;
        this.pki = pki;
        this.expectedServerName = expectedServerName;
        this.tweak = tweak;
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String description() {
        return "reference " + role.cliName() + " (in-process)";
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public Set<TlsVersion> versions() {
        return EnumSet.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.OBSERVABLE_COMPLETION, Capability.HELLO_RETRY_REQUEST,
                role == Role.SERVER ? Capability.REQUESTS_CLIENT_CERTIFICATE : Capability.VERIFIES_SERVER_CERTIFICATE);
    }

    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public void start() {
        // Build the PKI once, so no scenario pays for key generation.
        credentials();
    }

    private void credentials() {
        if (trustAnchors == null) {
            serverChain = pki.chain(KeyType.EC_P256, Role.SERVER);
            trustAnchors = List.of(pki.root(KeyType.EC_P256), pki.root(KeyType.RSA_2048), pki.root(KeyType.ED25519));
        }
    }

    @Override
    public Connection open(Scenario scenario) {
        credentials();
        TlsConfig.Builder b = TlsConfig.builder(role)
                .versions(scenario.version())
                .random(RandomSource.deterministic(~(scenario.checkId().hashCode() * 31L + scenario.index())))
                .trustAnchors(trustAnchors);
        if (role == Role.SERVER) {
            b.credentials(serverChain.certificates(), serverChain.leafKey());
            b.clientAuth(scenario.hasOption("client-auth") ? ClientAuth.REQUEST : ClientAuth.NONE);
            b.ticketsToSend(0);
        } else {
            b.serverName(expectedServerName.apply(scenario));
        }
        TlsConfig config = tweak.apply(b).build();
        if (scenario.version() == TlsVersion.TLS_1_2) {
            return new EngineConnection(tlsconf.impl.tls12.Tls12Engine.create(
                    config, tlsconf.impl.tls12.Tls12Options.defaults()));
        }
        return new EngineConnection(TlsEngine.create(config));
    }

    @Override
    public void close() {
        // Nothing started.
    }
}
