package tlsconf.peers.jsse;

import java.nio.file.Path;
import java.security.Provider;
import java.util.EnumSet;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Capabilities;
import tlsconf.peers.ClientAuthMode;
import tlsconf.peers.Group;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.PeerPreset;
import tlsconf.peers.PeerReport;
import tlsconf.peers.RunningPeer;
import tlsconf.peers.ServerPeer;
import tlsconf.peers.SigScheme;
import tlsconf.peers.Suite;

/**
 * Bouncy Castle's JSSE provider (BCJSSE, bctls 1.84) as an in-process peer in either role: the same socket server
 * and client as {@link JssePreset}, on contexts, key managers and trust managers of a private
 * {@link BouncyCastleJsseProvider} over a private {@link BouncyCastleProvider} (nothing is registered in
 * {@link java.security.Security}, so the JDK's own peer and our reference stay untouched).
 *
 * <p>Its diagnostics go through java.util.logging: silenced for a run (BCJSSE logs every alert it raises with a
 * stack trace at INFO), and with {@code -Dtlsconf.peers.trace=true} printed to stderr down to FINE (each alert
 * raised or received, with BC's reason, and each handshake's negotiated parameters), for checking a deviation by
 * hand.
 */
public final class BcJssePreset implements PeerPreset {

    private static final String NAME = "bcjsse";
    private static final String TRACE_PROPERTY = "tlsconf.peers.trace";
    /** Held here: java.util.logging keeps only weak references to loggers, and a collected one forgets its level. */
    private static final Logger BC_LOG = Logger.getLogger("org.bouncycastle");

    static {
        // Before the provider exists: it logs the security properties it reads when it is created.
        if (Boolean.getBoolean(TRACE_PROPERTY)) {
            BC_LOG.setLevel(Level.FINE);
            ConsoleHandler handler = new ConsoleHandler();
            handler.setLevel(Level.FINE);
            BC_LOG.addHandler(handler);
            BC_LOG.setUseParentHandlers(false);
        } else {
            BC_LOG.setLevel(Level.OFF);
        }
    }

    private static final Provider PROVIDER = new BouncyCastleJsseProvider(new BouncyCastleProvider());
    /** The bctls release on the class path (the provider itself has its own numbering: 1.0.23 in bctls 1.84). */
    private static final String BCTLS_VERSION = bctlsVersion();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "BCJSSE (" + BCTLS_VERSION + ")";
    }

    @Override
    public boolean installed() {
        return true;
    }

    /**
     * Both versions and roles, every group and scheme the suite names; groups and schemes cannot be pinned per
     * connection on JDK 17 (same reflection path as the JDK's peer: BCJSSE reads {@code SSLParameters}).
     */
    @Override
    public Capabilities capabilities(Role role) {
        // The last argument, RSA key transport. Seen on the wire (bctls 1.84): the client offers
        // TLS_RSA_WITH_AES_128_GCM_SHA256 (its only TLS_RSA suite); the server, even with an RSA chain, answers a
        // ClientHello offering only that suite with handshake_failure.
        return new Capabilities(NAME + " " + role.cliName() + " (" + BCTLS_VERSION + ")", role,
                EnumSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3), EnumSet.allOf(Suite.class),
                EnumSet.allOf(Group.class), JsseParameters.canPinGroups(), EnumSet.allOf(SigScheme.class),
                JsseParameters.canPinSchemes(), EnumSet.allOf(ClientAuthMode.class), false, false, false,
                role == Role.CLIENT);
    }

    @Override
    public ServerPeer startServer(PeerConfig config, Path workDir) {
        requireSupport(Role.SERVER, config);
        JsseServer server = JsseServer.start(config, NAME, PROVIDER);
        return new ServerPeer(server, server.port(), capabilities(Role.SERVER));
    }

    @Override
    public RunningPeer startClient(PeerConfig config, int port, Path workDir) {
        requireSupport(Role.CLIENT, config);
        return JsseClient.start(config, port, NAME, PROVIDER, params -> offerRsaKeyTransport(params, config));
    }

    /**
     * BCJSSE leaves TLS_RSA_* suites out of its client's defaults; one is added (last) to a TLS 1.2 client's offer so
     * the checks of a client's refusal of a ServerKeyExchange under RSA (FREAK, RFC 5246 §7.4.3) can be played, as
     * against OpenSSL, GnuTLS and the JDK, which offer it by default. Every other scenario still negotiates ECDHE.
     */
    private static void offerRsaKeyTransport(javax.net.ssl.SSLParameters params, PeerConfig config) {
        if (config.version() == TlsVersion.TLS_1_2 && params.getCipherSuites() != null
                && !java.util.Arrays.asList(params.getCipherSuites()).contains(RSA_SUITE)) {
            String[] suites = java.util.Arrays.copyOf(params.getCipherSuites(), params.getCipherSuites().length + 1);
            suites[suites.length - 1] = RSA_SUITE;
            params.setCipherSuites(suites);
        }
    }

    private static final String RSA_SUITE = "TLS_RSA_WITH_AES_128_GCM_SHA256";

    @Override
    public PeerReport report(Role role, String output) {
        return JsseReports.parse(output);
    }

    /**
     * "bctls 1.84" from the manifest of the jar BCJSSE was loaded from (its Bundle-Version), or the provider's own
     * description ("Bouncy Castle JSSE Provider Version 1.0.23") when that jar is not bctls's own (the shaded
     * tlsconf.jar keeps only our manifest).
     */
    private static String bctlsVersion() {
        try {
            java.security.CodeSource source = BouncyCastleJsseProvider.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation().getPath().endsWith(".jar")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(
                        new java.io.File(source.getLocation().toURI()))) {
                    java.util.jar.Manifest m = jar.getManifest();
                    if (m != null && "bctls".equals(m.getMainAttributes().getValue("Bundle-SymbolicName"))) {
                        return "bctls " + m.getMainAttributes().getValue("Bundle-Version");
                    }
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException | SecurityException e) {
            // fall through to the provider's own numbering
        }
        return PROVIDER.getInfo();
    }
}
