package tlsconf.conformance.peer;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tlsconf.conformance.check.family.CertificateChecks;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.Connection;
import tlsconf.conformance.verdict.Observation;
import tlsconf.conformance.verdict.PlayResult;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.PeerVerifier;
import tlsconf.impl.RandomSource;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.cert.CertificateDefect;
import tlsconf.impl.cert.DefectiveChain;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.cert.TestPki;
import tlsconf.impl.message.CertificateMessage;
import tlsconf.model.vocabulary.Role;

/**
 * The test peer built on the reference implementation: for each scenario a fresh engine in the role opposite the
 * target, configured from the scenario (credentials, fragment size, forced HelloRetryRequest), with the faults
 * applied through the implementation's seam ({@link PeerPlay}). Deterministic: its randomness is seeded from the
 * scenario, so a replay sends the same bytes to a deterministic target.
 */
public final class ReferencePeer implements TestPeer {
    private final TestPki pki;
    private final Duration step;
    private final String serverName;
    private final java.nio.file.Path keyLogDir;
    /** Chains and keys built once per peer (per run): scenario play only looks them up. */
    private final java.util.Map<String, Presented> presented = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, TestPki.Chain> chains = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The peer's key shares, one per group for the whole run. RFC 8446 §4.2.8 lets a key share be reused; the peer
     * is the attacker, not the implementation under test, and a fresh key per scenario would only double its
     * share of the key generation. The scenario's randomness is still drawn as for a fresh key, so everything else
     * the peer sends stays as before.
     */
    private final java.util.Map<tlsconf.impl.NamedGroup, tlsconf.impl.crypto.EphemeralKey> keyShares =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The target's chains as parsed by {@link #acceptAny}: a target presents the same few chains again and again. */
    private final java.util.Map<List<java.nio.ByteBuffer>, List<X509Certificate>> parsedChains =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_PARSED_CHAINS = 256;
    private static final long KEY_SHARE_SEED = 0x6b657973L;

    /**
     * What the peer presents for a certificate defect: the chain and key it configures, and the encoded Certificate
     * message to send instead of the engine's when the chain does not parse (else null).
     */
    private record Presented(List<X509Certificate> chain, PrivateKey key, byte[] replacement) {
    }

    public ReferencePeer(TestPki pki, Duration step, String serverName) {
        this(pki, step, serverName, null);
    }

    /** @param keyLogDir where to append NSS key log lines, one file per check and target role; null: none */
    public ReferencePeer(TestPki pki, Duration step, String serverName, java.nio.file.Path keyLogDir) {
        this.pki = pki;
        this.step = step;
        this.serverName = serverName;
        this.keyLogDir = keyLogDir;
    }

    /**
     * Builds, before the scenarios are played, every chain and key they will ask for (the defective chains need RSA
     * and other key generation that takes seconds on a cold JVM). Playing then only looks them up; a scenario that
     * was not prepared still works, it just builds its chain on first use. (The parallel stream helps only as far
     * as {@link TestPki} allows: it builds its chains under one lock.)
     */
    public void prepare(List<Scenario> scenarios) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (Scenario s : scenarios) {
            Role role = s.targetRole().peer();
            boolean rsa = rsaKeyTransport(s, role);
            keys.add("chain:" + (rsa ? KeyType.RSA_2048 : KeyType.EC_P256) + ":" + role);
            s.faults().stream().filter(f -> f instanceof Fault.PresentCertificate)
                    .forEach(f -> keys.add("defect:" + ((Fault.PresentCertificate) f).defect() + ":" + role));
        }
        keys.parallelStream().forEach(k -> {
            String[] parts = k.split(":");
            Role role = Role.valueOf(parts[2]);
            try {
                if (parts[0].equals("chain")) {
                    chain(KeyType.valueOf(parts[1]), role);
                } else {
                    presented(parts[1], role);
                }
            } catch (RuntimeException e) {
                // Reported by the scenario that needs it, as "not playable", when it is played.
            }
        });
    }

    /** Like {@link PeerVerifier#acceptAny()}: parses the target's chain without judging it, once per chain. */
    private List<X509Certificate> acceptAny(Role peerRole, List<byte[]> der, String expectedName)
            throws tlsconf.impl.alert.TlsAlertException {
        List<java.nio.ByteBuffer> key = der.stream().map(d -> java.nio.ByteBuffer.wrap(d.clone())).toList();
        List<X509Certificate> parsed = parsedChains.get(key);
        if (parsed == null) {
            parsed = PeerVerifier.parse(der);
            if (parsedChains.size() < MAX_PARSED_CHAINS) {
                parsedChains.putIfAbsent(key, parsed);
            }
        }
        return parsed;
    }

    /**
     * The peer's key for {@code group}: one per group, from a fixed seed (not from whichever scenario asks first,
     * so replays stay byte-exact whatever the order of play).
     */
    private tlsconf.impl.crypto.EphemeralKey keyShare(tlsconf.impl.NamedGroup group, RandomSource random) {
        // Draw what a fresh key would have drawn, so the rest of the peer's randomness is unchanged.
        random.nextBytes(new byte[group == tlsconf.impl.NamedGroup.X448 ? 56
                : group == tlsconf.impl.NamedGroup.SECP384R1 ? 48 : 32]);
        return keyShares.computeIfAbsent(group, g -> tlsconf.impl.crypto.EphemeralKey.generate(g,
                RandomSource.deterministic(KEY_SHARE_SEED + g.ordinal())));
    }

    private TestPki.Chain chain(KeyType type, Role role) {
        return chains.computeIfAbsent(type + ":" + role, k -> pki.chain(type, role));
    }

    @Override
    public boolean supports(Fault fault) {
        // Every fault kind of the scenario model is implemented by PeerPlay.
        return true;
    }

    @Override
    public PlayResult play(Scenario scenario, Connection connection) {
        Role role = scenario.targetRole().peer();
        TlsConfig.Builder b = TlsConfig.builder(role)
                .versions(scenario.version())
                // One suite, so verify_data is 32 bytes and forged records use a known AEAD.
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256)
                .peerVerifier(this::acceptAny)
                .keyShareSource(this::keyShare)
                .random(RandomSource.deterministic(scenario.checkId().hashCode() * 31L + scenario.index()))
                .ticketsToSend(0);
        byte[] replacement = null;
        if (role == Role.CLIENT) {
            b.serverName(serverName);
        }
        PlayResult unplayable = null;
        Fault.PresentCertificate present = scenario.faults().stream()
                .filter(f -> f instanceof Fault.PresentCertificate).map(f -> (Fault.PresentCertificate) f)
                .findFirst().orElse(null);
        boolean needsCredentials = role == Role.SERVER || scenario.hasOption("client-auth");
        if (present != null) {
            try {
                replacement = configurePresented(b, present.defect(), role);
            } catch (RuntimeException e) {
                unplayable = new PlayResult(new Observation.NotPlayable("cannot build the chain '" + present.defect()
                        + "': " + e.getMessage()), List.of());
            }
        } else if (needsCredentials) {
            TestPki.Chain chain = chain(rsaKeyTransport(scenario, role) ? KeyType.RSA_2048 : KeyType.EC_P256, role);
            b.credentials(chain.certificates(), chain.leafKey());
        }
        for (Fault f : scenario.faults()) {
            if (f instanceof Fault.Fragment frag) {
                b.maxFragment(frag.maxFragment());
            }
        }
        if (scenario.hasOption("hello-retry")) {
            b.forceHelloRetryRequest(true);
        }
        if (unplayable != null) {
            return unplayable;
        }
        PeerPlay play = new PeerPlay(scenario, connection, step, replacement);
        tlsconf.impl.KeyLogWriter file = keyLogFile(scenario);
        b.keyLog((label, random, secret) -> {
            play.onSecret(label, secret);
            if (file != null) {
                file.log(label, random, secret);
            }
        });
        TlsConfig config;
        try {
            config = b.build();
        } catch (IllegalArgumentException e) {
            return new PlayResult(new Observation.NotPlayable("peer configuration: " + e.getMessage()), List.of());
        }
        if (scenario.version() == tlsconf.model.vocabulary.TlsVersion.TLS_1_2) {
            // One ECDHE-ECDSA suite: verify_data is 12 bytes and the peer's EC credentials fit it.
            // A server peer presenting an RSA leaf (a certificate defect) also needs the ECDHE-RSA twin of that
            // suite; it picks by its own key, so EC scenarios are unchanged, and a client peer offers one suite only.
            tlsconf.impl.tls12.Tls12Options options = rsaKeyTransport(scenario, role)
                    ? tlsconf.impl.tls12.Tls12Options.defaults().withCipherSuites(
                            tlsconf.impl.tls12.Tls12CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)
                    : role == Role.SERVER
                    ? tlsconf.impl.tls12.Tls12Options.defaults().withCipherSuites(
                            tlsconf.impl.tls12.Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                            tlsconf.impl.tls12.Tls12CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)
                    : tlsconf.impl.tls12.Tls12Options.defaults().withCipherSuites(
                            tlsconf.impl.tls12.Tls12CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
            return signedProofOnWire(scenario, play.play(p -> PeerEngine.of(tlsconf.impl.tls12.Tls12Engine.create(
                    config, options, new Tls12SeamAdapter(p)), p::changeCipherSpecSent)));
        }
        return signedProofOnWire(scenario, play.play(p -> PeerEngine.of(tlsconf.impl.TlsEngine.create(config, p))));
    }

    /** Option {@value #RSA_KEY_TRANSPORT}: a TLS 1.2 server peer with an RSA chain that picks RSA key transport. */
    public static final String RSA_KEY_TRANSPORT = "rsa-key-transport";

    private static boolean rsaKeyTransport(Scenario scenario, Role role) {
        return role == Role.SERVER && scenario.version() == tlsconf.model.vocabulary.TlsVersion.TLS_1_2
                && scenario.hasOption(RSA_KEY_TRANSPORT);
    }

    /**
     * Configures the chain a defect calls for. A chain that parses is given to the engine, so its CertificateVerify
     * signs the transcript the target sees; one that does not parse replaces the Certificate message on the wire
     * (returned), since the target must refuse it before any CertificateVerify matters.
     */
    private byte[] configurePresented(TlsConfig.Builder b, String defect, Role role) {
        if (CertificateDefect.EMPTY_CERTIFICATE_LIST.name().equals(defect) && role == Role.CLIENT) {
            // A client without credentials answers a CertificateRequest with an empty list and no
            // CertificateVerify: the engine does it, so the transcript stays consistent.
            return null;
        }
        Presented p = presented(defect, role);
        b.credentials(p.chain(), p.key());
        return p.replacement() == null ? null : p.replacement().clone();
    }

    private Presented presented(String defect, Role role) {
        String key = defect + ":" + role;
        Presented p = presented.get(key);
        if (p == null) {
            p = build(defect, role);
            presented.putIfAbsent(key, p);
        }
        return p;
    }

    private Presented build(String defect, Role role) {
        TestPki.Chain good = chain(KeyType.EC_P256, role);
        if (defect.equals(CertificateChecks.CV_UNRELATED_KEY)) {
            return new Presented(good.certificates(), pki.unrelatedKeyPair(KeyType.EC_P256).getPrivate(), null);
        }
        if (defect.equals(CertificateChecks.CV_WRONG_KEY_TYPE)) {
            // An RSA key over the ECDSA leaf: the engine then signs with an RSA-PSS scheme, which every TLS 1.3
            // target offers (rsa_pss_rsae_sha256 is mandatory to implement, RFC 8446 §9.1), so the target judges
            // a scheme it asked for that its peer's certificate cannot use. (An Ed25519 key was used before: NSS
            // offers no ed25519, so the fault never reached it; see signedProofOnWire.)
            return new Presented(good.certificates(), pki.unrelatedKeyPair(KeyType.RSA_2048).getPrivate(), null);
        }
        CertificateDefect d = CertificateDefect.valueOf(defect);
        DefectiveChain chain = pki.defective(d, role);
        List<X509Certificate> parsed = parse(chain.der());
        PrivateKey key = chain.leafKey().orElse(good.leafKey());
        if (parsed != null && !parsed.isEmpty()) {
            return new Presented(parsed, key, null);
        }
        return new Presented(good.certificates(), good.leafKey(), CertificateMessage.of(new byte[0], chain.der())
                .encode());
    }

    /**
     * A CertificateVerify defect ({@link CertificateChecks#CV_UNRELATED_KEY}, {@link
     * CertificateChecks#CV_WRONG_KEY_TYPE}) is in the peer's signature, so it reaches the target only if the peer
     * signed: its CertificateVerify (TLS 1.3; a TLS 1.2 client) or ServerKeyExchange (a TLS 1.2 server). When none of
     * the schemes the target offered fits the peer's key, the engine does not sign: a client peer answers the
     * CertificateRequest with an empty Certificate (RFC 8446 §4.4.2.3), and the target may well go on. What the
     * target did then says nothing about the requirement: the scenario is not playable, never a pass or a failure.
     */
    static PlayResult signedProofOnWire(Scenario scenario, PlayResult result) {
        boolean signatureDefect = scenario.faults().stream().anyMatch(f -> f instanceof Fault.PresentCertificate pc
                && (pc.defect().equals(CertificateChecks.CV_UNRELATED_KEY)
                || pc.defect().equals(CertificateChecks.CV_WRONG_KEY_TYPE)));
        if (!signatureDefect || result.observation() instanceof Observation.NotPlayable) {
            return result;
        }
        tlsconf.model.vocabulary.HandshakeType signed = scenario.version() == tlsconf.model.vocabulary.TlsVersion
                .TLS_1_2 && scenario.targetRole() == Role.CLIENT
                ? tlsconf.model.vocabulary.HandshakeType.SERVER_KEY_EXCHANGE
                : tlsconf.model.vocabulary.HandshakeType.CERTIFICATE_VERIFY;
        String sent = "peer -> " + signed.rfcName() + " (";
        if (result.trace().stream().anyMatch(line -> line.startsWith(sent))) {
            return result;
        }
        String why = "the peer never sent its " + signed.rfcName() + ": none of the signature schemes the target "
                + "offered fits the key the defect signs with, so the defect never reached the wire (the target "
                + "answered with " + result.observation().describe() + ")";
        List<String> trace = new ArrayList<>(result.trace());
        trace.add("not playable: " + why);
        return new PlayResult(new Observation.NotPlayable(why), trace);
    }

    private tlsconf.impl.KeyLogWriter keyLogFile(Scenario scenario) {
        if (keyLogDir == null) {
            return null;
        }
        try {
            java.nio.file.Files.createDirectories(keyLogDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the key log directory " + keyLogDir, e);
        }
        return tlsconf.impl.KeyLogWriter.toFile(keyLogDir.resolve(scenario.checkId() + "-"
                + scenario.targetRole().cliName() + ".keylog"));
    }

    private static List<X509Certificate> parse(List<byte[]> der) {
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (byte[] d : der) {
                X509Certificate c = (X509Certificate) f.generateCertificate(new ByteArrayInputStream(d));
                // Trailing bytes after the DER are dropped by the parser: keep those chains byte-exact instead.
                if (c.getEncoded().length != d.length) {
                    return null;
                }
                out.add(c);
            }
            return out;
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }
}
