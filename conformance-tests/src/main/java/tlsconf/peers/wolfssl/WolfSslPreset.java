package tlsconf.peers.wolfssl;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.CPeerBuild;
import tlsconf.peers.CPeerPreset;
import tlsconf.peers.Capabilities;
import tlsconf.peers.ClientAuthMode;
import tlsconf.peers.Group;
import tlsconf.peers.SigScheme;

/**
 * wolfSSL (Debian's libwolfssl 5.5.4) through tlsconf's own small C peer ({@code tlsconf-wolfssl-peer.c} in the jar,
 * compiled on first use by {@link CPeerBuild}): a server on 127.0.0.1 that answers one request per connection with
 * a page naming the version and suite, and a client that verifies the chain against the given roots and name. Both
 * print "handshake complete: TLSv1.3 ..." or "handshake failed: error N: wolfSSL's reason", which is also the peer's
 * own account of a deviation. No key log, no pinning of suites, groups or schemes (the peer takes none).
 * Debian's build has no wolfSSL debug log, so that line is the only account a deviation gets from wolfSSL itself.
 */
public final class WolfSslPreset extends CPeerPreset {

    public WolfSslPreset() {
        super("wolfssl", "wolfSSL", new CPeerBuild("wolfssl", "/tlsconf/peers/wolfssl/tlsconf-wolfssl-peer.c",
                Path.of("/usr/include/wolfssl/ssl.h"), "libwolfssl-dev", List.of("wolfssl")), true,
                "setup failed: .*(in use|cannot)");
    }

    @Override
    public Capabilities capabilities(Role role) {
        // The last argument, RSA key transport. Seen on the wire (Debian's libwolfssl 5.5.4 build, no static RSA): the
        // client offers 53 suites and no TLS_RSA one; the server refuses a ClientHello offering only
        // TLS_RSA_WITH_AES_128_GCM_SHA256 with handshake_failure.
        return new Capabilities("wolfssl " + role.cliName() + " (tlsconf-wolfssl-peer)", role,
                EnumSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3), Set.of(),
                EnumSet.allOf(Group.class), false, EnumSet.allOf(SigScheme.class), false,
                EnumSet.allOf(ClientAuthMode.class), false, false, false, false);
    }
}
