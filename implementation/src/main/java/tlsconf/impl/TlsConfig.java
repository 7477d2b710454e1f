package tlsconf.impl;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import tlsconf.impl.crypto.KeyShareSource;
import tlsconf.impl.record.RecordLayer;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The immutable configuration of one side, built by {@link #builder(Role)}. Every default is stated on its builder
 * method; nothing falls back silently.
 */
public final class TlsConfig {
    private final Role role;
    private final List<TlsVersion> versions;
    private final List<CipherSuite> cipherSuites;
    private final List<NamedGroup> groups;
    private final List<NamedGroup> keyShareGroups;
    private final List<SignatureScheme> signatureSchemes;
    private final String serverName;
    private final List<X509Certificate> trustAnchors;
    private final List<X509Certificate> certificateChain;
    private final List<byte[]> certificateChainDer;
    private final PrivateKey privateKey;
    private final ClientAuth clientAuth;
    private final SessionStore sessionStore;
    private final boolean middleboxCompat;
    private final KeyLogWriter keyLog;
    private final RandomSource random;
    private final Clock clock;
    private final Duration handshakeTimeout;
    private final KeyShareSource keyShareSource;
    private final PeerVerifier peerVerifier;
    private final boolean pskKe;
    private final boolean pskDheKe;
    private final int ticketsToSend;
    private final long ticketLifetimeSeconds;
    private final boolean helloRetryCookie;
    private final boolean forceHelloRetryRequest;
    private final int maxFragment;
    private final int recordSizeLimit;
    private final byte[] earlyData;
    private final long maxEarlyData;
    private final RecordLayer.PaddingPolicy padding;
    private final byte[] ticketKey;
    private final java.util.function.UnaryOperator<List<tlsconf.impl.message.Extension>> clientHelloExtensions;
    private final java.util.function.UnaryOperator<List<tlsconf.impl.message.Extension>> encryptedExtensions;
    private final org.bouncycastle.crypto.params.AsymmetricKeyParameter signingKey;
    private final tlsconf.impl.crypto.PeerKeyCache peerKeys;

    private final tlsconf.impl.tls12.Tls12Options tls12;

    private TlsConfig(Builder b) {
        role = b.role;
        versions = List.copyOf(b.versions);
        cipherSuites = List.copyOf(b.cipherSuites);
        tls12 = tls12Options(b.tls12, cipherSuites);
        groups = List.copyOf(b.groups);
        keyShareGroups = b.keyShareGroups == null ? List.of(groups.get(0)) : List.copyOf(b.keyShareGroups);
        signatureSchemes = List.copyOf(b.signatureSchemes);
        serverName = b.serverName;
        trustAnchors = List.copyOf(b.trustAnchors);
        certificateChain = b.certificateChain == null ? List.of() : List.copyOf(b.certificateChain);
        certificateChainDer = encode(certificateChain);
        privateKey = b.privateKey;
        clientAuth = b.clientAuth;
        sessionStore = b.sessionStore;
        middleboxCompat = b.middleboxCompat;
        keyLog = b.keyLog;
        random = b.random;
        clock = b.clock;
        handshakeTimeout = b.handshakeTimeout;
        keyShareSource = b.keyShareSource;
        peerVerifier = b.peerVerifier != null ? b.peerVerifier
                : DefaultPeerVerifier.create(trustAnchors, clock);
        pskKe = b.pskKe;
        pskDheKe = b.pskDheKe;
        ticketsToSend = b.ticketsToSend;
        ticketLifetimeSeconds = b.ticketLifetimeSeconds;
        helloRetryCookie = b.helloRetryCookie;
        forceHelloRetryRequest = b.forceHelloRetryRequest;
        maxFragment = b.maxFragment;
        recordSizeLimit = b.recordSizeLimit;
        earlyData = b.earlyData == null ? null : b.earlyData.clone();
        maxEarlyData = b.maxEarlyData;
        padding = b.padding;
        clientHelloExtensions = b.clientHelloExtensions;
        encryptedExtensions = b.encryptedExtensions;
        signingKey = privateKey == null ? null : tlsconf.impl.crypto.Signatures.privateKey(privateKey);
        peerKeys = tlsconf.impl.crypto.PeerKeyCache.create(b.peerKeyCache);
        ticketKey = new byte[32];
        random.nextBytes(ticketKey);
    }

    private static List<byte[]> encode(List<X509Certificate> chain) {
        List<byte[]> der = new java.util.ArrayList<>(chain.size());
        for (X509Certificate c : chain) {
            try {
                der.add(c.getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalArgumentException("cannot encode our certificate "
                        + c.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(der);
    }

    /** TLS 1.2 suites named in {@link Builder#cipherSuites} replace those of the TLS 1.2 options, in that order. */
    private static tlsconf.impl.tls12.Tls12Options tls12Options(tlsconf.impl.tls12.Tls12Options o,
            List<CipherSuite> suites) {
        tlsconf.impl.tls12.Tls12CipherSuite[] named = suites.stream().filter(s -> !s.isTls13())
                .map(s -> tlsconf.impl.tls12.Tls12CipherSuite.fromCode(s.code()).orElseThrow())
                .toArray(tlsconf.impl.tls12.Tls12CipherSuite[]::new);
        return named.length == 0 ? o : o.withCipherSuites(named);
    }

    public static Builder builder(Role role) {
        return new Builder(role);
    }

    public Role role() { return role; }
    public List<TlsVersion> versions() { return versions; }
    public List<CipherSuite> cipherSuites() { return cipherSuites; }
    /** What TLS 1.2 needs beyond this config (suites, extended master secret, sessions, tickets). */
    public tlsconf.impl.tls12.Tls12Options tls12() { return tls12; }
    public boolean allows(TlsVersion v) { return versions.contains(v); }
    public List<NamedGroup> groups() { return groups; }
    public List<NamedGroup> keyShareGroups() { return keyShareGroups; }
    public List<SignatureScheme> signatureSchemes() { return signatureSchemes; }
    /** Client: the SNI to send and the name the server certificate must match; server: unused. May be null. */
    public String serverName() { return serverName; }
    public List<X509Certificate> trustAnchors() { return trustAnchors; }
    public List<X509Certificate> certificateChain() { return certificateChain; }
    /** Our chain as DER, encoded once at build time for every Certificate message we send (RFC 8446 §4.4.2). */
    public List<byte[]> certificateChainDer() { return certificateChainDer; }
    public PrivateKey privateKey() { return privateKey; }
    /** Our private key as a BC parameter, converted once at build time; null without credentials. */
    public org.bouncycastle.crypto.params.AsymmetricKeyParameter signingKey() { return signingKey; }
    /** Peers' parsed public keys (see {@link Builder#peerKeyCache}); a disabled cache parses every time. */
    public tlsconf.impl.crypto.PeerKeyCache peerKeys() { return peerKeys; }
    public boolean hasCredentials() { return privateKey != null && !certificateChain.isEmpty(); }
    public ClientAuth clientAuth() { return clientAuth; }
    public SessionStore sessionStore() { return sessionStore; }
    public boolean middleboxCompat() { return middleboxCompat; }
    public KeyLogWriter keyLog() { return keyLog; }
    public RandomSource random() { return random; }
    public Clock clock() { return clock; }
    public Duration handshakeTimeout() { return handshakeTimeout; }
    public KeyShareSource keyShareSource() { return keyShareSource; }
    public PeerVerifier peerVerifier() { return peerVerifier; }
    public boolean pskKe() { return pskKe; }
    public boolean pskDheKe() { return pskDheKe; }
    public int ticketsToSend() { return ticketsToSend; }
    public long ticketLifetimeSeconds() { return ticketLifetimeSeconds; }
    public boolean helloRetryCookie() { return helloRetryCookie; }
    public boolean forceHelloRetryRequest() { return forceHelloRetryRequest; }
    public int maxFragment() { return maxFragment; }
    /** record_size_limit we advertise (RFC 8449); 0: the client does not offer it, the server answers 2^14+1. */
    public int recordSizeLimit() { return recordSizeLimit; }
    /** Client: data to send as 0-RTT when resuming with a ticket that allows it; null: none. */
    public byte[] earlyData() { return earlyData == null ? null : earlyData.clone(); }
    /** Server: max_early_data_size announced in tickets and accepted (RFC 8446 §4.2.10); 0: no 0-RTT. */
    public long maxEarlyData() { return maxEarlyData; }
    public RecordLayer.PaddingPolicy padding() { return padding; }
    /**
     * Client: rewrites the ClientHello's extension list before it is sent (and enters the transcript);
     * pre_shared_key is appended after it. For exact replays (RFC 8448) and test peers. Default: unchanged.
     */
    public List<tlsconf.impl.message.Extension> clientHelloExtensions(List<tlsconf.impl.message.Extension> ours) {
        return clientHelloExtensions.apply(ours);
    }

    /** Server: rewrites the EncryptedExtensions list before it is sent. Default: unchanged. */
    public List<tlsconf.impl.message.Extension> encryptedExtensions(List<tlsconf.impl.message.Extension> ours) {
        return encryptedExtensions.apply(ours);
    }

    /** Server: key protecting the session tickets it issues (from the injected randomness at build time). */
    public byte[] ticketKey() { return ticketKey.clone(); }

    /** Builder; every setter states its default. */
    public static final class Builder {
        private final Role role;
        private List<TlsVersion> versions = List.of(TlsVersion.TLS_1_3);
        private List<CipherSuite> cipherSuites = CipherSuite.tls13();
        private tlsconf.impl.tls12.Tls12Options tls12 = tlsconf.impl.tls12.Tls12Options.defaults();
        private List<NamedGroup> groups = List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1,
                NamedGroup.X448);
        private List<NamedGroup> keyShareGroups;
        private List<SignatureScheme> signatureSchemes = List.of(SignatureScheme.ECDSA_SECP256R1_SHA256,
                SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.ED25519,
                SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA512);
        private String serverName;
        private List<X509Certificate> trustAnchors = List.of();
        private List<X509Certificate> certificateChain;
        private PrivateKey privateKey;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private SessionStore sessionStore;
        private boolean middleboxCompat;
        private KeyLogWriter keyLog;
        private RandomSource random = RandomSource.secure();
        private Clock clock = Clock.systemUTC();
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private KeyShareSource keyShareSource = KeyShareSource.fromRandom();
        private PeerVerifier peerVerifier;
        private boolean pskKe;
        private boolean pskDheKe = true;
        private int ticketsToSend = 1;
        private boolean peerKeyCache = true;
        private long ticketLifetimeSeconds = 7200;
        private boolean helloRetryCookie = true;
        private boolean forceHelloRetryRequest;
        private int maxFragment = 1 << 14;
        private int recordSizeLimit;
        private byte[] earlyData;
        private long maxEarlyData;
        private RecordLayer.PaddingPolicy padding = (t, n) -> 0;
        private java.util.function.UnaryOperator<List<tlsconf.impl.message.Extension>> clientHelloExtensions =
                java.util.function.UnaryOperator.identity();
        private java.util.function.UnaryOperator<List<tlsconf.impl.message.Extension>> encryptedExtensions =
                java.util.function.UnaryOperator.identity();

        private Builder(Role role) {
            this.role = Objects.requireNonNull(role, "role");
        }

        /**
         * Default TLS 1.3 only. TLS_1_2 alone: a TLS 1.2 endpoint; both: one endpoint for both (a client offers both
         * in one ClientHello, a server answers in the version the ClientHello asks for, RFC 8446 §4.2.1, §D).
         */
        public Builder versions(TlsVersion... v) { versions = List.of(v); return this; }
        /**
         * Default the three TLS 1.3 suites, in enum order (the server's preference order). TLS 1.2 suites listed here
         * replace those of {@link #tls12}.
         */
        public Builder cipherSuites(CipherSuite... s) { cipherSuites = List.of(s); return this; }
        /** TLS 1.2 settings: default {@link tlsconf.impl.tls12.Tls12Options#defaults()}. */
        public Builder tls12(tlsconf.impl.tls12.Tls12Options o) { tls12 = Objects.requireNonNull(o); return this; }
        /** Default x25519, secp256r1, secp384r1, x448. Client: supported_groups; server: acceptable, preferred first. */
        public Builder groups(NamedGroup... g) { groups = List.of(g); return this; }
        /** Client: groups to send key shares for; default the first of {@link #groups}. */
        public Builder keyShareGroups(NamedGroup... g) { keyShareGroups = List.of(g); return this; }
        /** Default ECDSA P-256/P-384, RSA-PSS, Ed25519, then rsa_pkcs1 (certificate signatures only) last. */
        public Builder signatureSchemes(SignatureScheme... s) { signatureSchemes = List.of(s); return this; }
        /** Client: SNI and expected certificate name. Default none (no SNI, no name check). */
        public Builder serverName(String n) { serverName = n; return this; }
        /** Default none: every peer chain is rejected as unknown_ca. */
        public Builder trustAnchors(Collection<X509Certificate> a) { trustAnchors = new ArrayList<>(a); return this; }
        /** Our chain (leaf first) and private key. Default none (a server needs them; a client sends none). */
        public Builder credentials(List<X509Certificate> chain, PrivateKey key) {
            certificateChain = chain;
            privateKey = key;
            return this;
        }
        public Builder credentials(tlsconf.impl.cert.Credentials c) {
            return credentials(c.chain(), c.privateKey());
        }
        /** Server: whether to ask for a client certificate. Default NONE. */
        public Builder clientAuth(ClientAuth c) { clientAuth = c; return this; }
        /** Client: where tickets are kept and looked up for resumption. Default none (no resumption). */
        public Builder sessionStore(SessionStore s) { sessionStore = s; return this; }
        /** Client: middlebox compatibility mode (RFC 8446 §D.4): session id and CCS. Default false. */
        public Builder middleboxCompat(boolean m) { middleboxCompat = m; return this; }
        /** NSS key log. Default none: no key material is written. */
        public Builder keyLog(KeyLogWriter k) { keyLog = k; return this; }
        public Builder keyLog(Path file) { keyLog = KeyLogWriter.toFile(file); return this; }
        /** Default a fresh SecureRandom. */
        public Builder random(RandomSource r) { random = r; return this; }
        public Builder random(SecureRandom r) { random = RandomSource.of(r); return this; }
        /** Default the system UTC clock: certificate validity and ticket ages. */
        public Builder clock(Clock c) { clock = c; return this; }
        /** Default 10 s: TlsSocket gives up on a handshake after this long. */
        public Builder handshakeTimeout(Duration d) { handshakeTimeout = d; return this; }
        /** Default fresh keys from {@link #random}; fixed keys for replays. */
        public Builder keyShareSource(KeyShareSource k) { keyShareSource = k; return this; }
        /** Default the PKIX validator over {@link #trustAnchors} at {@link #clock}. */
        public Builder peerVerifier(PeerVerifier v) { peerVerifier = v; return this; }
        /** psk_key_exchange_modes to offer/accept: default psk_dhe_ke only. */
        public Builder pskModes(boolean pskKe, boolean pskDheKe) {
            this.pskKe = pskKe;
            this.pskDheKe = pskDheKe;
            return this;
        }
        /**
         * Keep peers' parsed public keys by their exact encoding and reuse them for later handshakes with the same
         * certificate ({@link tlsconf.impl.crypto.PeerKeyCache}: every signature is still verified, every chain still
         * validated). Default true.
         */
        public Builder peerKeyCache(boolean on) { peerKeyCache = on; return this; }
        /** Server: NewSessionTickets after the handshake. Default 1; 0 disables resumption. */
        public Builder ticketsToSend(int n) { ticketsToSend = n; return this; }
        public Builder ticketLifetimeSeconds(long s) { ticketLifetimeSeconds = s; return this; }
        /** Server: put a cookie in a HelloRetryRequest (RFC 8446 §4.2.2). Default true. */
        public Builder helloRetryCookie(boolean c) { helloRetryCookie = c; return this; }
        /** Server: always answer the first ClientHello with a HelloRetryRequest (tests). Default false. */
        public Builder forceHelloRetryRequest(boolean f) { forceHelloRetryRequest = f; return this; }
        /** Largest record fragment we send. Default 2^14. */
        public Builder maxFragment(int n) { maxFragment = n; return this; }
        /** Client: 0-RTT data to send when the resumed ticket allows it (RFC 8446 §4.2.10). Default none. */
        public Builder earlyData(byte[] data) { earlyData = data; return this; }
        /** Server: accept 0-RTT up to this many bytes and announce it in tickets. Default 0 (declined). */
        public Builder maxEarlyData(long n) { maxEarlyData = n; return this; }
        /** record_size_limit to advertise (RFC 8449), 64..16385; default 0 (client: not offered). */
        public Builder recordSizeLimit(int n) { recordSizeLimit = n; return this; }
        /** Record padding (RFC 8446 §5.4). Default none. */
        public Builder padding(RecordLayer.PaddingPolicy p) { padding = p; return this; }

        /** Client: rewrite our ClientHello extensions (pre_shared_key is added after). Default unchanged. */
        public Builder clientHelloExtensions(
                java.util.function.UnaryOperator<List<tlsconf.impl.message.Extension>> f) {
            clientHelloExtensions = f;
            return this;
        }
        /** Server: rewrite our EncryptedExtensions. Default unchanged. */
        public Builder encryptedExtensions(java.util.function.UnaryOperator<List<tlsconf.impl.message.Extension>> f) {
            encryptedExtensions = f;
            return this;
        }

        public TlsConfig build() {
            if (versions.isEmpty() || cipherSuites.isEmpty() || groups.isEmpty() || signatureSchemes.isEmpty()) {
                throw new IllegalArgumentException("versions, cipher suites, groups and signature schemes must not be"
                        + " empty");
            }
            if (role == Role.SERVER && (certificateChain == null || certificateChain.isEmpty()
                    || privateKey == null)) {
                throw new IllegalArgumentException("a server needs credentials (certificate chain and private key)");
            }
            if ((certificateChain == null) != (privateKey == null)) {
                throw new IllegalArgumentException("credentials need both a chain and a private key");
            }
            if (recordSizeLimit != 0 && (recordSizeLimit < 64 || recordSizeLimit > (1 << 14) + 1)) {
                throw new IllegalArgumentException("recordSizeLimit " + recordSizeLimit + " outside 64..16385");
            }
            if (maxFragment < 1 || maxFragment > 1 << 14) {
                throw new IllegalArgumentException("maxFragment " + maxFragment + " outside 1..16384");
            }
            return new TlsConfig(this);
        }
    }
}
