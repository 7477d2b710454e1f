package tlsconf.peers.jsse;

import java.nio.file.Path;
import java.util.EnumSet;

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

/** The JDK's own TLS (SunJSSE) as an in-process peer in either role; see {@link JsseServer}, {@link JsseClient}. */
public final class JssePreset implements PeerPreset {

    @Override
    public String name() {
        return "jsse";
    }

    @Override
    public String version() {
        return "SunJSSE " + System.getProperty("java.vendor") + " " + System.getProperty("java.version");
    }

    @Override
    public boolean installed() {
        return true;
    }

    @Override
    public Capabilities capabilities(Role role) {
        // The last argument, RSA key transport. Seen on the wire (JDK 17.0.15): the client offers six TLS_RSA suites;
        // the server with an RSA chain negotiates TLS_RSA_WITH_AES_128_GCM_SHA256 when it is all a client offers.
        return new Capabilities("jsse " + role.cliName() + " (Java " + Runtime.version().feature() + ")", role,
                EnumSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3), EnumSet.allOf(Suite.class),
                EnumSet.allOf(Group.class), JsseParameters.canPinGroups(), EnumSet.allOf(SigScheme.class),
                JsseParameters.canPinSchemes(), EnumSet.allOf(ClientAuthMode.class), false, role == Role.CLIENT,
                false, true);
    }

    @Override
    public ServerPeer startServer(PeerConfig config, Path workDir) {
        requireSupport(Role.SERVER, config);
        JsseServer server = JsseServer.start(config);
        return new ServerPeer(server, server.port(), capabilities(Role.SERVER));
    }

    @Override
    public RunningPeer startClient(PeerConfig config, int port, Path workDir) {
        requireSupport(Role.CLIENT, config);
        return JsseClient.start(config, port);
    }

    @Override
    public PeerReport report(Role role, String output) {
        return JsseReports.parse(output);
    }
}
