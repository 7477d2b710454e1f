package tlsconf.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tlsconf.interop.Interop.ours;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tlsconf.impl.Negotiated;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsSocket;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.cert.KeyType;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.ClientAuthMode;
import tlsconf.peers.Group;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerPreset;
import tlsconf.peers.PeerReport;
import tlsconf.peers.RunningPeer;
import tlsconf.peers.SigScheme;
import tlsconf.peers.Suite;

/**
 * The reference implementation as TLS 1.3 server for real clients started per test: {@code openssl s_client
 * -brief}, {@code gnutls-cli} and the JDK's client in-process. Each connection carries a line from the client to
 * us and our answer back, then we close with close_notify and the client must end cleanly. What the client
 * prints about the session must agree with what our server negotiated.
 */
@Timeout(60)
class ReferenceServerInteropTest {

    static final List<String> PEERS = List.of("openssl", "gnutls", "jsse", "nss");

    @TempDir
    Path dir;

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

    @ParameterizedTest(name = "{0} client, our server: {1} {2}")
    @MethodSource("suitesAndGroups")
    void suiteAndGroup(String peer, Suite suite, Group group) throws IOException {
        PeerPreset preset = preset(peer, PeerConfig.builder().suites(suite).build());
        PeerConfig.Builder client = Interop.peerClient(SigScheme.ECDSA_SECP256R1_SHA256).suites(suite);
        boolean clientPinsGroup = preset.capabilities(Role.CLIENT).pinsGroups();
        if (clientPinsGroup) {
            client.groups(group);
        }
        TlsConfig server = Interop.ourServer(SigScheme.ECDSA_SECP256R1_SHA256).cipherSuites(ours(suite))
                .groups(ours(group)).build();

        Session s = run(preset, client.build(), server, "ping " + suite + " " + group);

        assertEquals(TlsVersion.TLS_1_3, s.negotiated().version());
        assertEquals(ours(suite), s.negotiated().cipherSuite());
        assertEquals(ours(group), s.negotiated().group());
        if (clientPinsGroup) {
            assertFalse(s.negotiated().helloRetryRequest(), "the client's only key share was acceptable");
        }
        assertEquals(ours(SigScheme.ECDSA_SECP256R1_SHA256), s.negotiated().signatureScheme());
        assertClientAgrees(preset, s);
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

    @ParameterizedTest(name = "{0} client, our server: {1} certificate")
    @MethodSource("schemes")
    void signatureScheme(String peer, SigScheme scheme) throws IOException {
        PeerConfig client = Interop.peerClient(scheme).build();
        PeerPreset preset = preset(peer, client);

        Session s = run(preset, client, Interop.ourServer(scheme).build(), "ping " + scheme);

        assertEquals(ours(scheme), s.negotiated().signatureScheme());
        assertClientAgrees(preset, s);
    }

    static Stream<String> peers() {
        return PEERS.stream();
    }

    @ParameterizedTest(name = "{0} client sharing another group than the one our server accepts: HelloRetryRequest")
    @MethodSource("peers")
    void helloRetryRequest(String peer) throws IOException {
        PeerPreset preset = preset(peer, PeerConfig.builder().build());
        PeerConfig.Builder client = Interop.peerClient(SigScheme.ECDSA_SECP256R1_SHA256);
        Group accepted;
        switch (peer) {
            // OpenSSL shares only its first group.
            case "openssl" -> {
                client.groups(Group.X25519, Group.SECP256R1);
                accepted = Group.SECP256R1;
            }
            // GnuTLS shares one group of each kind (x25519 and the NIST curves are different kinds): offered two
            // NIST curves, it shares the first only.
            case "gnutls" -> {
                client.groups(Group.SECP384R1, Group.SECP256R1);
                accepted = Group.SECP256R1;
            }
            // NSS shares its first group or two; the third it only offers.
            case "nss" -> {
                client.groups(Group.X25519, Group.SECP256R1, Group.SECP384R1);
                accepted = Group.SECP384R1;
            }
            // The JDK 17 client cannot be pinned; it shares x25519 and secp256r1 but also offers secp384r1.
            default -> accepted = Group.SECP384R1;
        }
        TlsConfig server = Interop.ourServer(SigScheme.ECDSA_SECP256R1_SHA256).groups(ours(accepted)).build();

        Session s = run(preset, client.build(), server, "ping after hello retry");

        assertTrue(s.negotiated().helloRetryRequest(), "expected a HelloRetryRequest");
        assertEquals(ours(accepted), s.negotiated().group());
        assertClientAgrees(preset, s);
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

    @ParameterizedTest(name = "{0} client, our server client auth {1}, client sends a certificate: {2}")
    @MethodSource("clientAuth")
    void clientAuthentication(String peer, ClientAuthMode mode, boolean withCertificate) throws IOException {
        PeerPreset preset = preset(peer, PeerConfig.builder().build());
        PeerConfig.Builder client = Interop.peerClient(SigScheme.ECDSA_SECP256R1_SHA256);
        if (withCertificate) {
            client.credentials(Interop.credentials(Interop.pki().clientChain(KeyType.EC_P256)));
        }
        TlsConfig server = Interop.ourServer(SigScheme.ECDSA_SECP256R1_SHA256).clientAuth(ours(mode)).build();

        Session s = run(preset, client.build(), server, "ping with client auth " + mode);

        assertEquals(withCertificate, s.negotiated().clientAuthenticated());
        if (withCertificate) {
            assertEquals(Interop.pki().clientChain(KeyType.EC_P256).leaf(), s.negotiated().peerCertificates().get(0));
        } else {
            assertTrue(s.negotiated().peerCertificates().isEmpty(), "no client certificate was sent");
        }
        assertClientAgrees(preset, s);
    }

    @ParameterizedTest(name = "{0} client without a certificate, our server requires one: certificate_required")
    @MethodSource("peers")
    void missingRequiredClientCertificate(String peer) throws IOException {
        PeerPreset preset = preset(peer, PeerConfig.builder().build());
        TlsConfig server = Interop.ourServer(SigScheme.ECDSA_SECP256R1_SHA256)
                .clientAuth(ours(ClientAuthMode.REQUIRE)).build();
        try (OurServer ours = new OurServer(server);
             RunningPeer client = preset.startClient(Interop.peerClient(SigScheme.ECDSA_SECP256R1_SHA256).build(),
                     ours.port(), dir)) {

            TlsAlertException e = assertThrows(TlsAlertException.class, () -> ours.acceptAndHandshake().close());

            assertTrue(e.sentByUs(), "our server must send the alert: " + e.getMessage());
            // RFC 8446 §4.4.2.4: "the server MAY abort the handshake with a "certificate_required" alert".
            assertEquals(AlertDescription.CERTIFICATE_REQUIRED, e.description(), e.getMessage());
            client.awaitOutput(clientSawCertificateRequired(peer), Interop.IO_TIMEOUT);
        }
    }

    /** How each client reports a received certificate_required alert. */
    private static Pattern clientSawCertificateRequired(String peer) {
        return switch (peer) {
            case "openssl" -> Pattern.compile("alert certificate required");
            case "gnutls" -> Pattern.compile("(?i)certificate is required");
            case "nss" -> Pattern.compile("(?i)certificate.required");
            default -> Pattern.compile("certificate_required");
        };
    }

    @ParameterizedTest(name = "{0} client resumes with our ticket on its second connection")
    @MethodSource("peers")
    void resumption(String peer) throws IOException {
        PeerConfig.Builder client = Interop.peerClient(SigScheme.ECDSA_SECP256R1_SHA256);
        PeerPreset preset = preset(peer, PeerConfig.builder().build());
        boolean sessionFile = preset.capabilities(Role.CLIENT).sessionFile();
        if (!sessionFile) {
            preset(peer, PeerConfig.builder().reconnect(true).build());
        }
        TlsConfig server = Interop.ourServer(SigScheme.ECDSA_SECP256R1_SHA256).build();
        Negotiated first;
        Session second;
        if (sessionFile) {
            Path session = dir.resolve(peer + "-session.pem");
            first = run(preset, client.sessionOut(session).build(), server, "ping first").negotiated();
            second = run(preset, client.sessionOut(null).sessionIn(session).build(), server, "ping resumed");
        } else {
            try (OurServer ours = new OurServer(server);
                 RunningPeer c = preset.startClient(client.reconnect(true).request("ping resumed\n").build(),
                         ours.port(), dir)) {
                first = ours.serveUntilClientCloses();
                Negotiated n = ours.serveRequest(c, "ping resumed");
                second = new Session(n, finish(c));
            }
        }

        assertFalse(first.resumed(), "the first connection cannot resume");
        assertTrue(second.negotiated().resumed(), "the second connection did not resume");
        assertClientAgrees(preset, second);
    }

    @ParameterizedTest(name = "{0} client, our server sends KeyUpdate(update_requested) after the handshake")
    @MethodSource("peers")
    void keyUpdate(String peer) throws IOException {
        PeerPreset preset = preset(peer, PeerConfig.builder().build());
        PeerConfig config = Interop.peerClient(SigScheme.ECDSA_SECP256R1_SHA256).request("ping key update\n").build();
        try (OurServer ours = new OurServer(Interop.ourServer(SigScheme.ECDSA_SECP256R1_SHA256).build());
             RunningPeer client = preset.startClient(config, ours.port(), dir)) {
            TlsSocket tls = ours.acceptAndHandshake();
            try {
                // RFC 8446 §4.6.3: the client must take our new keys for what we send next, and answer
                // update_requested with its own KeyUpdate; its line may come under either of its keys.
                tls.keyUpdate(true);
                OurServer.answer(tls, client, "ping key update");
            } finally {
                tls.close();
            }
            finish(client);
        }
    }

    @ParameterizedTest(name = "{0} client and our server log the same TLS 1.3 secrets")
    @MethodSource("peers")
    void keyLog(String peer) throws IOException {
        Path theirs = dir.resolve(peer + "-client-keylog.txt");
        Path ours = dir.resolve(peer + "-our-server-keylog.txt");
        PeerConfig client = Interop.peerClient(SigScheme.ECDSA_SECP256R1_SHA256).keyLogFile(theirs).build();
        PeerPreset preset = preset(peer, client);

        run(preset, client, Interop.ourServer(SigScheme.ECDSA_SECP256R1_SHA256).keyLog(ours).build(), "ping key log");

        Interop.assertKeyLogsAgree(ours, theirs);
    }

    /** One connection: what our server negotiated and everything the client printed. */
    record Session(Negotiated negotiated, String clientOutput) {
    }

    /** One connection: the client sends {@code line} as its request, we answer it and close. */
    private Session run(PeerPreset preset, PeerConfig client, TlsConfig server, String line) throws IOException {
        try (OurServer ours = new OurServer(server);
             RunningPeer c = preset.startClient(client.toBuilder().request(line + "\n").build(), ours.port(),
                     dir)) {
            Negotiated n = ours.serveRequest(c, line);
            return new Session(n, finish(c));
        }
    }

    /**
     * After our close_notify the client must end by itself, successfully, and (where it says so) because of the
     * close_notify: GnuTLS tells it from a bare TCP close, the JSSE client reports a clean end of stream.
     */
    private static String finish(RunningPeer client) {
        int status = client.awaitExit(Interop.IO_TIMEOUT);
        String out = client.output().text();
        assertEquals(0, status, client.name() + " failed after our close_notify:\n" + out);
        if (client.name().startsWith("gnutls")) {
            assertTrue(out.contains("Peer has closed the GnuTLS connection"), "no close_notify seen:\n" + out);
        } else if (client.name().startsWith("jsse")) {
            assertTrue(out.contains("PEER CLOSED") && !out.contains("ERROR"), "no clean close seen:\n" + out);
        } else {
            assertFalse(out.contains("unexpected eof"), "the connection ended without close_notify:\n" + out);
        }
        return out;
    }

    private static PeerPreset preset(String peer, PeerConfig needs) {
        return ServerPool.preset(peer, Role.CLIENT, needs);
    }

    /** The client's own account of the session must match ours, and it must have verified our chain. */
    private static void assertClientAgrees(PeerPreset preset, Session s) {
        PeerReport r = preset.report(Role.CLIENT, s.clientOutput());
        Negotiated n = s.negotiated();
        String context = preset.name() + " client says " + r.describe() + "; we negotiated " + n + "\n"
                + s.clientOutput();
        assertEquals(TlsVersion.TLS_1_3, r.version().orElseThrow(() -> new AssertionError("no version: " + context)),
                context);
        assertEquals(n.cipherSuite().name(), r.suite().orElseThrow(() -> new AssertionError("no suite: " + context))
                .name(), context);
        r.group().ifPresent(g -> assertEquals(n.group() == null ? null : n.group().name(), g.name(), context));
        r.scheme().ifPresent(x -> assertEquals(n.signatureScheme() == null ? null : n.signatureScheme().name(),
                x.name(), context));
        r.resumed().ifPresent(resumed -> assertEquals(n.resumed(), resumed, context));
        assertTrue(r.verified().orElse(n.resumed()), "the client did not verify our chain: " + context);
        Interop.assertReportComplete(preset.name(), Role.CLIENT, r, n.resumed(), context);
    }
}
