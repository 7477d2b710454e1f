package tlsconf.peers.jsse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.PeerReport;
import tlsconf.peers.Suite;

/**
 * Reads the report lines of the JSSE peers (also the page the JSSE server answers HTTP requests with). JSSE has
 * no API for the negotiated group or for "was this resumed" on JDK 17, so those stay empty.
 */
public final class JsseReports {

    private static final Pattern PROTOCOL = Pattern.compile("(?m)^Protocol version: (\\S+)");
    private static final Pattern SUITE = Pattern.compile("(?m)^Ciphersuite: (\\S+)");

    private JsseReports() {
    }

    /** The last connection reported in {@code text}. */
    public static PeerReport parse(String text) {
        PeerReport r = PeerReport.empty();
        String protocol = last(PROTOCOL, text);
        if ("TLSv1.3".equals(protocol)) {
            r = r.withVersion(TlsVersion.TLS_1_3);
        } else if ("TLSv1.2".equals(protocol)) {
            r = r.withVersion(TlsVersion.TLS_1_2);
        }
        String suite = last(SUITE, text);
        for (Suite s : Suite.values()) {
            if (s.iana().equals(suite)) {
                r = r.withSuite(s);
            }
        }
        if (text.contains("CONNECTION ESTABLISHED")) {
            // JSSE checks the chain and (clients) the host name during the handshake; established means verified.
            r = r.withVerified(true);
        }
        return r;
    }

    private static String last(Pattern p, String text) {
        Matcher m = p.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return found;
    }
}
