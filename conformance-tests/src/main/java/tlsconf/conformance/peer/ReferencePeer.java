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
                .peerVerifier(PeerVerifier.acceptAny())
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
            TestPki.Chain chain = pki.chain(rsaKeyTransport(scenario, role) ? KeyType.RSA_2048 : KeyType.EC_P256,
                    role);
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
            return play.play(p -> PeerEngine.of(tlsconf.impl.tls12.Tls12Engine.create(config, options,
                    new Tls12SeamAdapter(p)), p::changeCipherSpecSent));
        }
        return play.play(p -> PeerEngine.of(tlsconf.impl.TlsEngine.create(config, p)));
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
        TestPki.Chain good = pki.chain(KeyType.EC_P256, role);
        if (defect.equals(CertificateChecks.CV_UNRELATED_KEY)) {
            b.credentials(good.certificates(), pki.unrelatedKeyPair(KeyType.EC_P256).getPrivate());
            return null;
        }
        if (defect.equals(CertificateChecks.CV_WRONG_KEY_TYPE)) {
            b.credentials(good.certificates(), pki.unrelatedKeyPair(KeyType.ED25519).getPrivate());
            return null;
        }
        CertificateDefect d = CertificateDefect.valueOf(defect);
        if (d == CertificateDefect.EMPTY_CERTIFICATE_LIST && role == Role.CLIENT) {
            // A client without credentials answers a CertificateRequest with an empty list and no
            // CertificateVerify: the engine does it, so the transcript stays consistent.
            return null;
        }
        DefectiveChain chain = pki.defective(d, role);
        List<X509Certificate> parsed = parse(chain.der());
        PrivateKey key = chain.leafKey().orElse(good.leafKey());
        if (parsed != null && !parsed.isEmpty()) {
            b.credentials(parsed, key);
            return null;
        }
        b.credentials(good.certificates(), good.leafKey());
        return CertificateMessage.of(new byte[0], chain.der()).encode();
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
