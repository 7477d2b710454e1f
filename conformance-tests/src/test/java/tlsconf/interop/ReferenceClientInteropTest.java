package tlsconf.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tlsconf.interop.Interop.ours;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tlsconf.impl.Negotiated;
import tlsconf.impl.SessionStore;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.ClientAuthMode;
import tlsconf.peers.Group;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerReport;
import tlsconf.peers.ServerPeer;
import tlsconf.peers.SigScheme;
import tlsconf.peers.Suite;

/**
 * The reference implementation as TLS 1.3 client against real servers on 127.0.0.1: {@code openssl s_server
 * -www}, {@code gnutls-serv --http} and the JDK's server in-process. Each connection sends an HTTP GET and reads
 * the page to the server's close_notify; the page says what the server negotiated, and that must agree with what
 * our client negotiated, so a silent downgrade on either side fails.
 */
@Timeout(60)
class ReferenceClientInteropTest {

    static final List<String> PEERS = List.of("openssl", "gnutls", "jsse", "nss");

    @TempDir
    static Path dir;
    private static ServerPool pool;

    private static synchronized ServerPool pool() {
        if (pool == null) {
            pool = new ServerPool(dir);
        }
        return pool;
    }

    @AfterAll
    static void stopServers() {
        if (pool != null) {
            pool.close();
        }
    }

    private static ServerPeer server(String peer, String label, PeerConfig config) {
        return pool().server(peer, label, config);
    }

    /** The default server of a peer for a certificate key type: every suite and group, no client auth. */
    private static ServerPeer defaultServer(String peer, SigScheme scheme) {
        return server(peer, "default " + scheme.keyKind(), Interop.peerServer(scheme).build());
    }

    static Stream<Arguments> suitesAndGroups() {
        List<Arguments> out = new ArrayList<>();
        for (String peer : PEERS) {
            for (Suite suite : Suite.values()) {
                for (Group group : List.of(Group.X25519, Group.SECP256R1)) {
                    out.add(Arguments.of(peer, suite, group));
                }
            }
        }
        return out.stream();
    }

    /**
     * One connection of our client, with what the server says about it: the page it answered with, or for NSS
     * (whose page only echoes the request) the lines selfserv printed for this connection.
     */
    record Seen(Interop.Exchange exchange, String peerText) {
        Negotiated negotiated() {
            return exchange.negotiated();
        }

        String response() {
            return exchange.response();
        }
    }

    private static Seen get(String peer, ServerPeer server, TlsConfig config) throws IOException {
        return get(peer, server, config, false);
    }

    private static Seen get(String peer, ServerPeer server, TlsConfig config, boolean keyUpdate) throws IOException {
        if (!peer.equals("nss")) {
            Interop.Exchange x = Interop.httpGet(server.port(), config, keyUpdate);
            return new Seen(x, x.response());
        }
        int before = server.output().lines().size();
        Interop.Exchange x = Interop.httpGet(server.port(), config, keyUpdate);
        Awaitility.await("selfserv reports the connection").atMost(Interop.IO_TIMEOUT)
                .pollInterval(Duration.ofMillis(20)).until(() -> connectionReported(server, before));
        List<String> lines = server.output().lines();
        return new Seen(x, String.join("\n", lines.subList(Math.min(before, lines.size()), lines.size())));
    }

    private static boolean connectionReported(ServerPeer server, int before) {
        List<String> lines = server.output().lines();
        return lines.subList(Math.min(before, lines.size()), lines.size()).stream()
                .anyMatch(l -> l.contains("Key Exchange:"));
    }

    @ParameterizedTest(name = "{0} server, our client: {1} {2}")
    @MethodSource("suitesAndGroups")
    void suiteAndGroup(String peer, Suite suite, Group group) throws IOException {
        ServerPeer server = defaultServer(peer, SigScheme.ECDSA_SECP256R1_SHA256);
        TlsConfig config = Interop.ourClient(SigScheme.ECDSA_SECP256R1_SHA256).cipherSuites(ours(suite))
                .groups(ours(group)).keyShareGroups(ours(group)).build();

        Seen x = get(peer, server, config);

        Negotiated n = x.negotiated();
        assertEquals(TlsVersion.TLS_1_3, n.version());
        assertEquals(ours(suite), n.cipherSuite());
        assertEquals(ours(group), n.group());
        assertFalse(n.helloRetryRequest(), "no HelloRetryRequest expected: the only key share is acceptable");
        assertFalse(n.resumed());
        assertEquals(ours(SigScheme.ECDSA_SECP256R1_SHA256), n.signatureScheme());
        assertPeerAgrees(peer, x, n);
    }

    static Stream<Arguments> schemes() {
        List<Arguments> out = new ArrayList<>();
        for (String peer : PEERS) {
            for (SigScheme scheme : SigScheme.values()) {
                out.add(Arguments.of(peer, scheme));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} server, our client: {1} certificate")
    @MethodSource("schemes")
    void signatureScheme(String peer, SigScheme scheme) throws IOException {
        ServerPeer server = defaultServer(peer, scheme);

        Seen x = get(peer, server, Interop.ourClient(scheme).build());

        assertEquals(ours(scheme), x.negotiated().signatureScheme());
        assertEquals(Interop.pki().serverChain(Interop.keyType(scheme)).leaf(),
                x.negotiated().peerCertificates().get(0), "not the leaf the server was given");
        assertPeerAgrees(peer, x, x.negotiated());
    }

    static Stream<String> peers() {
        return PEERS.stream();
    }

    @ParameterizedTest(name = "{0} server accepting only secp256r1, our client sharing x25519: HelloRetryRequest")
    @MethodSource("peers")
    void helloRetryRequest(String peer) throws IOException {
        PeerConfig p256Only = Interop.peerServer(SigScheme.ECDSA_SECP256R1_SHA256).groups(Group.SECP256R1).build();
        ServerPeer server = server(peer, "secp256r1 only", p256Only);
        TlsConfig config = Interop.ourClient(SigScheme.ECDSA_SECP256R1_SHA256)
                .groups(ours(Group.X25519), ours(Group.SECP256R1)).keyShareGroups(ours(Group.X25519)).build();

        Seen x = get(peer, server, config);

        assertTrue(x.negotiated().helloRetryRequest(), "expected a HelloRetryRequest");
        assertEquals(ours(Group.SECP256R1), x.negotiated().group());
        assertPeerAgrees(peer, x, x.negotiated());
    }

    @ParameterizedTest(name = "{0} server, our client with an empty key_share: HelloRetryRequest")
    @MethodSource("peers")
    void helloRetryRequestForEmptyKeyShare(String peer) throws IOException {
        ServerPeer server = defaultServer(peer, SigScheme.ECDSA_SECP256R1_SHA256);
        // RFC 8446 §4.2.8: a client may send no share to let the server pick the group, at the cost of an HRR.
        TlsConfig config = Interop.ourClient(SigScheme.ECDSA_SECP256R1_SHA256)
                .groups(ours(Group.X25519), ours(Group.SECP256R1)).keyShareGroups().build();

        Seen x = get(peer, server, config);

        assertTrue(x.negotiated().helloRetryRequest(), "expected a HelloRetryRequest");
        assertPeerAgrees(peer, x, x.negotiated());
    }

    static Stream<Arguments> clientAuth() {
        List<Arguments> out = new ArrayList<>();
        for (String peer : PEERS) {
            out.add(Arguments.of(peer, ClientAuthMode.REQUEST, true));
            out.add(Arguments.of(peer, ClientAuthMode.REQUEST, false));
            out.add(Arguments.of(peer, ClientAuthMode.REQUIRE, true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} server, client auth {1}, our client sends a certificate: {2}")
    @MethodSource("clientAuth")
    void clientAuthentication(String peer, ClientAuthMode mode, boolean withCertificate) throws IOException {
        ServerPeer server = server(peer, "client auth " + mode,
                Interop.peerServer(SigScheme.ECDSA_SECP256R1_SHA256).clientAuth(mode).build());
        TlsConfig.Builder config = Interop.ourClient(SigScheme.ECDSA_SECP256R1_SHA256);
        if (withCertificate) {
            config.credentials(Interop.pki().clientChain(KeyType.EC_P256).credentials());
        }

        Seen x = get(peer, server, config.build());

        assertEquals(withCertificate, x.negotiated().clientAuthenticated());
        assertPeerAgrees(peer, x, x.negotiated());
        switch (peer) {
            case "openssl" -> assertEquals(!withCertificate, x.response().contains("no client certificate available"),
                    "s_server's page disagrees about the client certificate:\n" + x.response());
            case "jsse" -> assertEquals(withCertificate, x.response().contains("Peer certificate: "),
                    "the JSSE server's page disagrees about the client certificate:\n" + x.response());
            default -> { }
        }
    }

    @ParameterizedTest(name = "{0} server requiring a client certificate, our client has none: certificate_required")
    @MethodSource("peers")
    void missingRequiredClientCertificate(String peer) {
        ServerPeer server = server(peer, "client auth " + ClientAuthMode.REQUIRE,
                Interop.peerServer(SigScheme.ECDSA_SECP256R1_SHA256).clientAuth(ClientAuthMode.REQUIRE).build());
        TlsConfig config = Interop.ourClient(SigScheme.ECDSA_SECP256R1_SHA256).build();

        TlsAlertException e = assertThrows(TlsAlertException.class, () -> Interop.httpGet(server.port(), config));

        assertFalse(e.sentByUs(), "the server must send the alert: " + e.getMessage());
        // RFC 8446 §4.4.2.4: a server that requires a certificate MAY abort with certificate_required. OpenSSL and
        // GnuTLS do; the JDK (17) server sends bad_certificate instead, which our client must report as it came.
        AlertDescription expected = peer.equals("jsse") ? AlertDescription.BAD_CERTIFICATE
                : AlertDescription.CERTIFICATE_REQUIRED;
        assertEquals(expected, e.description(), e.getMessage());
    }

    @ParameterizedTest(name = "{0} server, our client resumes with the ticket of its first connection")
    @MethodSource("peers")
    void resumption(String peer) throws IOException {
        ServerPeer server = defaultServer(peer, SigScheme.ECDSA_SECP256R1_SHA256);
        SessionStore store = SessionStore.inMemory();
        TlsConfig config = Interop.ourClient(SigScheme.ECDSA_SECP256R1_SHA256).sessionStore(store).build();

        Seen first = get(peer, server, config);
        Seen second = get(peer, server, config);

        assertFalse(first.negotiated().resumed(), "the first connection cannot resume");
        assertTrue(second.negotiated().resumed(), "the second connection did not resume");
        assertTrue(second.negotiated().peerCertificates().isEmpty() || second.negotiated().signatureScheme() == null,
                "a resumed handshake has no CertificateVerify");
        assertPeerAgrees(peer, second, second.negotiated());
    }

    @ParameterizedTest(name = "{0} server, our client sends KeyUpdate(update_requested) before its request")
    @MethodSource("peers")
    void keyUpdate(String peer) throws IOException {
        ServerPeer server = defaultServer(peer, SigScheme.ECDSA_SECP256R1_SHA256);

        // RFC 8446 §4.6.3: the server must switch to our new keys, answer with its own KeyUpdate and go on; the
        // page can only be read if both directions changed keys in step.
        Seen x = get(peer, server, Interop.ourClient(SigScheme.ECDSA_SECP256R1_SHA256).build(), true);

        assertPeerAgrees(peer, x, x.negotiated());
    }

    @ParameterizedTest(name = "{0} server and our client log the same TLS 1.3 secrets")
    @MethodSource("peers")
    void keyLog(String peer) throws IOException {
        Path theirs = dir.resolve(peer + "-server-keylog.txt");
        Path ours = dir.resolve(peer + "-our-client-keylog.txt");
        ServerPeer server = server(peer, "key log",
                Interop.peerServer(SigScheme.ECDSA_SECP256R1_SHA256).keyLogFile(theirs).build());

        Interop.httpGet(server.port(), Interop.ourClient(SigScheme.ECDSA_SECP256R1_SHA256).keyLog(ours).build());

        Interop.assertKeyLogsAgree(ours, theirs);
    }

    /**
     * The page the server sent must say TLS 1.3 and our suite (and, where the peer prints them, our group,
     * scheme and resumption), and it must have been complete: the server closed after it with close_notify.
     */
    private static void assertPeerAgrees(String peer, Seen x, Negotiated n) {
        assertTrue(x.response().startsWith("HTTP/1.0 200"), "not an HTTP answer:\n" + x.response());
        assertTrue(x.exchange().closeNotify(), peer + " ended the response without close_notify");
        PeerReport r = ServerPool.preset(peer, Role.SERVER, PeerConfig.builder().build()).report(Role.SERVER,
                x.peerText());
        String context = peer + " says " + r.describe() + "; we negotiated " + n;
        assertEquals(TlsVersion.TLS_1_3, r.version().orElseThrow(() -> new AssertionError("no version: " + context)),
                context);
        assertEquals(n.cipherSuite().name(), r.suite().orElseThrow(() -> new AssertionError("no suite: " + context))
                .name(), context);
        r.group().ifPresent(g -> assertEquals(n.group() == null ? null : n.group().name(), g.name(), context));
        r.scheme().ifPresent(s -> assertEquals(n.signatureScheme() == null ? null : n.signatureScheme().name(),
                s.name(), context));
        r.resumed().ifPresent(resumed -> assertEquals(n.resumed(), resumed, context));
        Interop.assertReportComplete(peer, Role.SERVER, r, n.resumed(), context);
    }
}
