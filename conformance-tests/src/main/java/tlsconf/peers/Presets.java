package tlsconf.peers;

import java.util.List;
import java.util.Optional;

import tlsconf.peers.botan.BotanPreset;
import tlsconf.peers.gnutls.GnuTlsPreset;
import tlsconf.peers.jsse.BcJssePreset;
import tlsconf.peers.jsse.JssePreset;
import tlsconf.peers.nss.NssPreset;
import tlsconf.peers.mbedtls.MbedTlsPreset;
import tlsconf.peers.openssl.OpenSslPreset;
import tlsconf.peers.wolfssl.WolfSslPreset;

/** The presets by name, as {@code --target NAME} spells them. */
public final class Presets {

    private static final List<PeerPreset> ALL = List.of(new OpenSslPreset(), new GnuTlsPreset(), new JssePreset(),
            new NssPreset(), new BotanPreset(), new BcJssePreset(), new WolfSslPreset(), new MbedTlsPreset());

    private Presets() {
    }

    public static List<PeerPreset> all() {
        return ALL;
    }

    public static Optional<PeerPreset> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static PeerPreset openssl() {
        return ALL.get(0);
    }

    public static PeerPreset gnutls() {
        return ALL.get(1);
    }

    public static PeerPreset jsse() {
        return ALL.get(2);
    }

    public static PeerPreset nss() {
        return ALL.get(3);
    }

    /** Botan 2.19: TLS 1.2 only. */
    public static PeerPreset botan() {
        return ALL.get(4);
    }

    /** Bouncy Castle's JSSE provider, in-process. */
    public static PeerPreset bcjsse() {
        return ALL.get(5);
    }

    /** wolfSSL through tlsconf's small C peer, compiled on first use. */
    public static PeerPreset wolfssl() {
        return ALL.get(6);
    }

    /** mbed TLS 2.28 (TLS 1.2) through tlsconf's small C peer, compiled on first use. */
    public static PeerPreset mbedtls() {
        return ALL.get(7);
    }
}
