package tlsconf.impl.cert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import tlsconf.model.vocabulary.Role;

/**
 * A test PKI generated with Bouncy Castle (bcpkix): root CA, intermediate CA and end-entity certificates for each
 * {@link KeyType}, and the bad chains of {@link CertificateDefect} for the conformance engine.
 *
 * <ul>
 *   <li>Deterministic: {@link #seeded(long, Clock)} derives every key, serial number and signature from the seed and
 *       a label naming the object, so the same seed and clock give byte-identical certificates in any order of
 *       generation. {@link #random(Clock)} uses a real {@link SecureRandom}.</li>
 *   <li>Time: all validity periods are relative to the clock's instant when the PKI was created
 *       ({@link #issuedAt()}): valid from one day before to 30 days (leaf), 1 year (intermediate) or 2 years (root)
 *       after.</li>
 *   <li>Cost: key pairs of seeded PKIs are cached for the JVM by (seed, type, label), chains per instance; an
 *       RSA-2048 key takes up to a second or two to generate, so keep one PKI around ({@link #shared()}).</li>
 *   <li>Handshake-level defects: a CertificateVerify signed with a different key takes the private key of
 *       {@link #unrelatedKeyPair(KeyType)} (same type, never certified); a signature scheme the certificate cannot
 *       use takes a chain of one key type ({@link #serverChain(KeyType)}) and the private key of another.</li>
 * </ul>
 */
public final class TestPki {
    /** The Bouncy Castle provider instance used for key generation and signing; not registered globally. */
    static final Provider BC = new BouncyCastleProvider();

    /** Default server names: the leaf of a server chain is valid for each of them. */
    public static final List<String> DEFAULT_SERVER_NAMES = List.of("localhost", "127.0.0.1", "::1");
    /** The name a client checks a default server chain against. */
    public static final String DEFAULT_PEER_NAME = "localhost";

    static final int KU_CA = KeyUsage.keyCertSign | KeyUsage.cRLSign;

    private static final Map<String, KeyPair> SEEDED_KEYS = new ConcurrentHashMap<>();
    private static final long SHARED_SEED = 0x7715c0f;
    private static volatile TestPki shared;

    private final Long seed;
    private final SecureRandom random;
    private final Instant now;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final Map<String, Object> cache = new HashMap<>();

    private TestPki(Long seed, Clock clock) {
        this.seed = seed;
        this.random = seed == null ? new SecureRandom() : null;
        this.now = Objects.requireNonNull(clock, "clock").instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A reproducible PKI: same seed and same clock instant, same bytes. */
    public static TestPki seeded(long seed, Clock clock) {
        return new TestPki(seed, clock);
    }

    /** A PKI from fresh randomness. */
    public static TestPki random(Clock clock) {
        return new TestPki(null, clock);
    }

    /**
     * One seeded PKI per JVM, valid around the wall-clock time of its first use: for interop and the engine. Its
     * instant is noon (UTC) of the day of first use, not the current second, so every run on the same day presents
     * byte-identical certificates: the handshake transcripts (and with them every key, Finished and record) then
     * depend only on the seed, and a replay file reproduces its scenario byte for byte for the rest of the day. Noon
     * keeps the wall clock within 12 hours of the instant, so the one-day margins of the time defects (expired a
     * day before, valid from a day after) still hold by at least 12 hours for a run that started at any hour.
     */
    public static TestPki shared() {
        TestPki p = shared;
        if (p == null) {
            synchronized (TestPki.class) {
                if (shared == null) {
                    Instant noon = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
                    shared = seeded(SHARED_SEED, Clock.fixed(noon, java.time.ZoneOffset.UTC));
                }
                p = shared;
            }
        }
        return p;
    }

    /** The instant all validity periods are relative to. */
    public Instant issuedAt() {
        return now;
    }

    /** Root CA -> intermediate CA -> server leaf valid for {@link #DEFAULT_SERVER_NAMES}, all of one key type. */
    public Chain serverChain(KeyType type) {
        return serverChain(type, DEFAULT_SERVER_NAMES);
    }

    /** A server chain whose leaf names exactly {@code names} (DNS names or IP literals, first one also the CN). */
    public Chain serverChain(KeyType type, List<String> names) {
        String key = "server:" + type + ":" + names;
        return cached(key, () -> {
            CertSpec leaf = leafSpec(type, Role.SERVER, "leaf-server:" + names).sans(sanList(names));
            leaf.subject("CN=" + names.get(0) + ",O=tlsconf", keyPair(type, "leaf-server"));
            return chainOf(type, Role.SERVER, leaf, names.get(0));
        });
    }

    /** Root CA -> intermediate CA -> client leaf (clientAuth), all of one key type. */
    public Chain clientChain(KeyType type) {
        return cached("client:" + type,
                () -> chainOf(type, Role.CLIENT, leafSpec(type, Role.CLIENT, "leaf-client"), null));
    }

    /** The chain {@code role} presents by default. */
    public Chain chain(KeyType type, Role role) {
        return role == Role.SERVER ? serverChain(type) : clientChain(type);
    }

    /** The self-signed root CA of a key type's hierarchy. */
    public X509Certificate root(KeyType type) {
        return cached("root:" + type, () -> new CertSpec("root:" + type)
                .subject("CN=tlsconf Test Root CA " + type + ",O=tlsconf", keyPair(type, "root"))
                .selfSigned().validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)))
                .ca(null).keyUsage(KU_CA)
                .issue(randomFor("serial:root:" + type), randomFor("sign:root:" + type), type.certificateSignature()));
    }

    /** The roots of every {@link KeyType#normal()} hierarchy: one CA file that trusts all good chains. */
    public List<X509Certificate> roots() {
        List<X509Certificate> out = new ArrayList<>();
        for (KeyType t : KeyType.normal()) {
            out.add(root(t));
        }
        return List.copyOf(out);
    }

    /** The intermediate CA (pathLen 0) of a key type's hierarchy. */
    public X509Certificate intermediate(KeyType type) {
        return cached("int:" + type, () -> issue(intermediateSpec(type, "int"), type));
    }

    /**
     * A key pair of {@code type} that no certificate of this PKI certifies: sign a CertificateVerify with its private
     * key to present a signature made with the wrong key (RFC 8446 §4.4.3, expected {@code decrypt_error}).
     */
    public KeyPair unrelatedKeyPair(KeyType type) {
        KeyPair p = keyPair(type, "unrelated");
        return new KeyPair(p.getPublic(), jdkKey(p.getPrivate()));
    }

    /** The bad chain of {@code defect} as {@code presentedBy} would send it; see {@link CertificateDefect}. */
    public DefectiveChain defective(CertificateDefect defect, Role presentedBy) {
        return cached("defect:" + defect + ":" + presentedBy,
                () -> new DefectFactory(this).build(defect, presentedBy));
    }

    /** Every defect that applies to {@code presentedBy}, in catalogue order. */
    public List<DefectiveChain> defects(Role presentedBy) {
        List<DefectiveChain> out = new ArrayList<>();
        for (CertificateDefect d : CertificateDefect.values()) {
            if (d.appliesTo(presentedBy)) {
                out.add(defective(d, presentedBy));
            }
        }
        return out;
    }

    /** Re-entrant memo (building a chain builds its root first); ConcurrentHashMap forbids such recursion. */
    @SuppressWarnings("unchecked")
    private synchronized <T> T cached(String key, Supplier<T> make) {
        Object v = cache.get(key);
        if (v == null) {
            v = make.get();
            cache.put(key, v);
        }
        return (T) v;
    }

    // ---- package-internal building blocks, used by DefectFactory ----

    Instant now() {
        return now;
    }

    CertSpec intermediateSpec(KeyType type, String label) {
        return new CertSpec(label + ":" + type)
                .subject("CN=tlsconf Test Intermediate CA " + type + (label.equals("int") ? "" : " " + label)
                        + ",O=tlsconf", keyPair(type, label))
                .issuedBy(root(type), keyPair(type, "root"))
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)))
                .ca(0).keyUsage(KU_CA);
    }

    /** A correct leaf specification for {@code role}, issued by the intermediate of {@code type}. */
    CertSpec leafSpec(KeyType type, Role role, String label) {
        boolean server = role == Role.SERVER;
        int ku = KeyUsage.digitalSignature | (type.jcaAlgorithm().equals("RSA") ? KeyUsage.keyEncipherment : 0);
        return new CertSpec(label + ":" + type)
                .subject(server ? "CN=localhost,O=tlsconf" : "CN=tlsconf test client,O=tlsconf",
                        keyPair(type, server ? "leaf-server" : "leaf-client"))
                .issuedBy(intermediate(type), keyPair(type, "int"))
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))
                .endEntity().keyUsage(ku)
                .extendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth)
                .sans(server ? sanList(DEFAULT_SERVER_NAMES)
                        : List.of(new GeneralName(GeneralName.dNSName, "client.tlsconf.test")));
    }

    X509Certificate issue(CertSpec spec, KeyType issuerType) {
        return spec.issue(randomFor("serial:" + spec.label), randomFor("sign:" + spec.label),
                issuerType.certificateSignature());
    }

    static List<GeneralName> sanList(List<String> names) {
        List<GeneralName> out = new ArrayList<>();
        for (String n : names) {
            out.add(ServerNameMatcher.isIpLiteral(n) ? new GeneralName(GeneralName.iPAddress, n)
                    : new GeneralName(GeneralName.dNSName, n));
        }
        return out;
    }

    /** The key pair named {@code label} of {@code type}: generated once per (seed, type, label). */
    KeyPair keyPair(KeyType type, String label) {
        if (seed == null) {
            return keys.computeIfAbsent(type + ":" + label, k -> generate(type, random));
        }
        return SEEDED_KEYS.computeIfAbsent(seed + ":" + type + ":" + label,
                k -> generate(type, new SeededRandom(seed, "key:" + type + ":" + label)));
    }

    SecureRandom randomFor(String label) {
        return seed == null ? random : new SeededRandom(seed, label);
    }

    static PrivateKey jdkKey(PrivateKey key) {
        try {
            return Pem.Keys.toJdkPrivateKey(key.getEncoded(), "generated " + key.getAlgorithm() + " key");
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Chain chainOf(KeyType type, Role role, CertSpec leafSpec, String peerName) {
        X509Certificate leaf = issue(leafSpec, type);
        return new Chain(type, role, List.of(leaf, intermediate(type)), jdkKey(leafSpec.subjectKey.getPrivate()),
                List.of(root(type)), peerName);
    }

    static KeyPair generate(KeyType type, SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type.jcaAlgorithm(), BC);
            switch (type) {
                case EC_P256 -> g.initialize(new ECGenParameterSpec("secp256r1"), random);
                case RSA_2048, RSA_PSS_2048, RSA_1024 -> g.initialize(type.bits(), random);
                case ED25519 -> g.initialize(255, random);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + type + " key pair: " + e.getMessage(), e);
        }
    }

    /**
     * A good chain: {@code certificates} is the end-entity certificate followed by the intermediate (RFC 8446 §4.4.2
     * order, without the root); {@code trustAnchors} is what the peer must trust; {@code peerName} is the name a
     * client checks a server chain against ({@code null} for client chains).
     */
    public record Chain(KeyType keyType, Role role, List<X509Certificate> certificates, PrivateKey leafKey,
            List<X509Certificate> trustAnchors, String peerName) {

        public Chain {
            certificates = List.copyOf(certificates);
            trustAnchors = List.copyOf(trustAnchors);
        }

        public X509Certificate leaf() {
            return certificates.get(0);
        }

        public List<X509Certificate> intermediates() {
            return certificates.subList(1, certificates.size());
        }

        public Credentials credentials() {
            return new Credentials(certificates, leafKey);
        }

        /** The chain as the cert_data of each CertificateEntry. */
        public List<byte[]> der() {
            List<byte[]> out = new ArrayList<>();
            for (X509Certificate c : certificates) {
                try {
                    out.add(c.getEncoded());
                } catch (CertificateEncodingException e) {
                    throw new IllegalStateException("cannot encode " + c.getSubjectX500Principal(), e);
                }
            }
            return out;
        }

        /**
         * Writes the PEM files OpenSSL and GnuTLS take into {@code dir} (created if missing) and returns their paths:
         * {@code openssl s_server -cert leaf.crt -key leaf.key -cert_chain int.pem}, {@code s_client -CAfile
         * roots.pem}, {@code gnutls-serv --x509certfile chain.pem --x509keyfile leaf.key --x509cafile roots.pem},
         * {@code openssl verify -CAfile roots.pem -untrusted int.pem leaf.crt}.
         */
        public PemFiles writeTo(Path dir) throws IOException {
            Files.createDirectories(dir);
            PemFiles f = new PemFiles(dir, dir.resolve("roots.pem"), dir.resolve("chain.pem"),
                    dir.resolve("leaf.key"), dir.resolve("int.pem"), dir.resolve("leaf.crt"));
            Pem.writeCertificates(f.roots(), trustAnchors);
            Pem.writeCertificates(f.chain(), certificates);
            Pem.writePrivateKey(f.leafKey(), leafKey);
            Pem.writeCertificates(f.intermediates(), intermediates());
            Pem.writeCertificates(f.leafCertificate(), List.of(leaf()));
            return f;
        }
    }

    /**
     * The files of {@link Chain#writeTo(Path)}: {@code roots.pem} (trust anchors), {@code chain.pem} (leaf then
     * intermediates), {@code leaf.key} (PKCS#8), {@code int.pem} (intermediates only), {@code leaf.crt} (leaf only).
     */
    public record PemFiles(Path directory, Path roots, Path chain, Path leafKey, Path intermediates,
            Path leafCertificate) {
    }
}
