package tlsconf.peers.mbedtls;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
 * mbed TLS (Debian's libmbedtls 2.28.3, TLS 1.2 only) through tlsconf's own small C peer
 * ({@code tlsconf-mbedtls-peer.c} in the jar, compiled on first use by {@link CPeerBuild}), with the same contract
 * as the wolfSSL peer: "handshake complete: TLSv1.2 ..." or "handshake failed: -0xNNNN: mbed TLS's reason".
 *
 * <p>Its server never merely requests a client certificate: mbed TLS's "optional" mode completes the handshake
 * whatever the client's chain, so the preset offers no client auth or required client auth only, and the
 * client-certificate checks (which need "request") are skipped for it. With {@code -Dtlsconf.peers.trace=true}
 * mbed TLS's own debug log (level 3) joins the peer's log in its work directory.
 */
public final class MbedTlsPreset extends CPeerPreset {

    public MbedTlsPreset() {
        super("mbedtls", "mbed TLS", new CPeerBuild("mbedtls", "/tlsconf/peers/mbedtls/tlsconf-mbedtls-peer.c",
                Path.of("/usr/include/mbedtls/ssl.h"), "libmbedtls-dev", List.of("mbedtls", "mbedx509", "mbedcrypto")),
                false, "setup .*failed: .*(in use|cannot|-0x)");
    }

    /** With {@code -Dtlsconf.peers.trace=true}, mbed TLS's own debug log (level 3) joins the peer's log. */
    @Override
    protected Map<String, String> environment() {
        return Boolean.getBoolean("tlsconf.peers.trace") ? Map.of("TLSCONF_MBEDTLS_DEBUG", "3") : Map.of();
    }

    @Override
    public Capabilities capabilities(Role role) {
        // The last argument, RSA key transport. Seen on the wire: its client offers 16 TLS_RSA suites
        // (TLS_RSA_WITH_AES_128_GCM_SHA256 among them); its server with an RSA chain negotiates that suite when it is
        // all a client offers.
        return new Capabilities("mbedtls " + role.cliName() + " (tlsconf-mbedtls-peer)", role,
                EnumSet.of(TlsVersion.TLS_1_2), Set.of(), EnumSet.of(Group.X25519, Group.SECP256R1, Group.SECP384R1),
                false, EnumSet.of(SigScheme.ECDSA_SECP256R1_SHA256, SigScheme.RSA_PSS_RSAE_SHA256), false,
                EnumSet.of(ClientAuthMode.NONE, ClientAuthMode.REQUIRE), false, false, false, true);
    }
}
