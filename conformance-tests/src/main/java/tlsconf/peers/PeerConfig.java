package tlsconf.peers;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import tlsconf.model.vocabulary.TlsVersion;

/**
 * What a peer should do, in peer-neutral terms; each preset turns it into its own flags. An empty list means
 * "the peer's default". Build with {@link #builder()}.
 *
 * @param version      the one protocol version the peer is pinned to
 * @param suites       cipher suites to allow, in preference order (empty: the peer's default)
 * @param groups       key exchange groups to allow, in preference order (empty: default). A server limited to
 *                     secp256r1 answers a client whose only key share is x25519 with a HelloRetryRequest.
 * @param schemes      signature schemes to allow (empty: default)
 * @param clientAuth   for servers: whether to ask for a client certificate
 * @param serverName   for clients: SNI and the name checked against the server certificate
 * @param credentials  servers: their certificate and key; clients: a client certificate, or empty
 * @param trustAnchors roots to verify the other side with (clients: the server; servers: client certificates)
 * @param sessionOut   OpenSSL clients: where to save the session (with its ticket) for a later run
 * @param sessionIn    OpenSSL clients: a saved session to resume
 * @param reconnect    clients: connect a second time in the same run, resuming the first session
 * @param keyLogFile   where to write NSS key log lines, when the peer can
 * @param request      clients: what to send as soon as connected (empty: nothing; more with
 *                     {@link RunningPeer#sendLine}). Some clients (NSS tstclnt) take input only this way.
 */
public record PeerConfig(TlsVersion version, List<Suite> suites, List<Group> groups, List<SigScheme> schemes,
                         ClientAuthMode clientAuth, String serverName, Optional<PeerCredentials> credentials,
                         List<X509Certificate> trustAnchors, Optional<Path> sessionOut, Optional<Path> sessionIn,
                         boolean reconnect, Optional<Path> keyLogFile, String request) {

    public PeerConfig {
        Objects.requireNonNull(version, "version");
        suites = List.copyOf(suites);
        groups = List.copyOf(groups);
        schemes = List.copyOf(schemes);
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(credentials, "credentials");
        trustAnchors = List.copyOf(trustAnchors);
        Objects.requireNonNull(sessionOut, "sessionOut");
        Objects.requireNonNull(sessionIn, "sessionIn");
        Objects.requireNonNull(keyLogFile, "keyLogFile");
        Objects.requireNonNull(request, "request");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.version = version;
        b.suites = new ArrayList<>(suites);
        b.groups = new ArrayList<>(groups);
        b.schemes = new ArrayList<>(schemes);
        b.clientAuth = clientAuth;
        b.serverName = serverName;
        b.credentials = credentials.orElse(null);
        b.trustAnchors = new ArrayList<>(trustAnchors);
        b.sessionOut = sessionOut.orElse(null);
        b.sessionIn = sessionIn.orElse(null);
        b.reconnect = reconnect;
        b.keyLogFile = keyLogFile.orElse(null);
        b.request = request;
        return b;
    }

    /** The credentials, or an error naming the role that needs them. */
    public PeerCredentials requireCredentials(String who) {
        return credentials.orElseThrow(() -> new IllegalArgumentException(who + " needs credentials"));
    }

    /** Short text for test names and logs: "TLS 1.3 TLS_AES_128_GCM_SHA256 x25519 auth=NONE". */
    public String describe() {
        StringBuilder s = new StringBuilder("TLS ").append(version.label());
        suites.forEach(x -> s.append(' ').append(x.iana()));
        groups.forEach(g -> s.append(' ').append(g.rfcName()));
        schemes.forEach(x -> s.append(' ').append(x.rfcName()));
        if (clientAuth != ClientAuthMode.NONE) {
            s.append(" client-auth=").append(clientAuth.name().toLowerCase(java.util.Locale.ROOT));
        }
        return s.toString();
    }

    /** Mutable builder; defaults: TLS 1.3, peer defaults, no client auth, server name "localhost". */
    public static final class Builder {
        private TlsVersion version = TlsVersion.TLS_1_3;
        private List<Suite> suites = new ArrayList<>();
        private List<Group> groups = new ArrayList<>();
        private List<SigScheme> schemes = new ArrayList<>();
        private ClientAuthMode clientAuth = ClientAuthMode.NONE;
        private String serverName = "localhost";
        private PeerCredentials credentials;
        private List<X509Certificate> trustAnchors = new ArrayList<>();
        private Path sessionOut;
        private Path sessionIn;
        private boolean reconnect;
        private Path keyLogFile;
        private String request = "";

        private Builder() {
        }

        public Builder version(TlsVersion v) {
            this.version = v;
            return this;
        }

        public Builder suites(Suite... s) {
            this.suites = new ArrayList<>(List.of(s));
            return this;
        }

        public Builder groups(Group... g) {
            this.groups = new ArrayList<>(List.of(g));
            return this;
        }

        public Builder schemes(SigScheme... s) {
            this.schemes = new ArrayList<>(List.of(s));
            return this;
        }

        public Builder clientAuth(ClientAuthMode mode) {
            this.clientAuth = mode;
            return this;
        }

        public Builder serverName(String name) {
            this.serverName = name;
            return this;
        }

        public Builder credentials(PeerCredentials c) {
            this.credentials = c;
            return this;
        }

        public Builder trustAnchors(List<X509Certificate> roots) {
            this.trustAnchors = new ArrayList<>(roots);
            return this;
        }

        public Builder sessionOut(Path file) {
            this.sessionOut = file;
            return this;
        }

        public Builder sessionIn(Path file) {
            this.sessionIn = file;
            return this;
        }

        public Builder reconnect(boolean r) {
            this.reconnect = r;
            return this;
        }

        public Builder keyLogFile(Path file) {
            this.keyLogFile = file;
            return this;
        }

        public Builder request(String text) {
            this.request = text == null ? "" : text;
            return this;
        }

        public PeerConfig build() {
            return new PeerConfig(version, suites, groups, schemes, clientAuth, serverName,
                    Optional.ofNullable(credentials), trustAnchors, Optional.ofNullable(sessionOut),
                    Optional.ofNullable(sessionIn), reconnect, Optional.ofNullable(keyLogFile), request);
        }
    }
}
