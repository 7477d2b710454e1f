package tlsconf.peers.nss;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Group;
import tlsconf.peers.PeerReport;
import tlsconf.peers.SigScheme;
import tlsconf.peers.Suite;

/** Reads the last connection {@code selfserv -v} or {@code tstclnt -v} reported. */
public final class NssReports {

    private static final Pattern CONNECTION = Pattern.compile("SSL version (\\d\\.\\d) using (\\d+)-bit (\\S+)");
    private static final Pattern KEY_EXCHANGE = Pattern.compile("Key Exchange: (\\d+)-bit");
    private static final Pattern SCHEME = Pattern.compile("Signature Scheme: (\\S+)");

    private NssReports() {
    }

    /**
     * "SSL version 3.4 using 128-bit AES-GCM with 128-bit AEAD MAC" (or "256-bit CHACHA20POLY1305") and "Key
     * Exchange: 255-bit TLS 1.3" (255 bits: x25519; 256: secp256r1).
     */
    public static PeerReport selfserv(String text) {
        PeerReport r = PeerReport.empty();
        Matcher m = CONNECTION.matcher(text);
        int at = -1;
        String version = null;
        String bits = null;
        String cipher = null;
        while (m.find()) {
            at = m.end();
            version = m.group(1);
            bits = m.group(2);
            cipher = m.group(3);
        }
        if (at < 0) {
            return r;
        }
        // Both tools check the other side's chain in the handshake (tstclnt without -o refuses a bad one), so a
        // reported connection is a verified one.
        r = r.withVerified(true);
        r = r.withVersion("3.4".equals(version) ? TlsVersion.TLS_1_3 : "3.3".equals(version) ? TlsVersion.TLS_1_2
                : null);
        if (cipher.startsWith("AES-GCM")) {
            r = r.withSuite("128".equals(bits) ? Suite.TLS_AES_128_GCM_SHA256 : Suite.TLS_AES_256_GCM_SHA384);
        } else if (cipher.toUpperCase(java.util.Locale.ROOT).startsWith("CHACHA20")) {
            r = r.withSuite(Suite.TLS_CHACHA20_POLY1305_SHA256);
        }
        Matcher k = KEY_EXCHANGE.matcher(text);
        if (k.find(at)) {
            r = switch (k.group(1)) {
                case "255" -> r.withGroup(Group.X25519);
                case "256" -> r.withGroup(Group.SECP256R1);
                case "384" -> r.withGroup(Group.SECP384R1);
                default -> r;
            };
        }
        Matcher sig = SCHEME.matcher(text);
        if (sig.find(at)) {
            for (SigScheme scheme : SigScheme.values()) {
                if (scheme.rfcName().equals(sig.group(1))) {
                    r = r.withScheme(scheme);
                }
            }
        }
        return r;
    }
}
