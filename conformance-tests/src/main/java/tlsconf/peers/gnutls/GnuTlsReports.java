package tlsconf.peers.gnutls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Group;
import tlsconf.peers.PeerReport;
import tlsconf.peers.SigScheme;
import tlsconf.peers.Suite;

/**
 * Reads GnuTLS's session description, printed by gnutls-cli ("- Description: ...") and by gnutls-serv, and shown
 * on the page {@code gnutls-serv --http} answers with:
 * {@code (TLS1.3-X.509)-(ECDHE-X25519)-(ECDSA-SECP256R1-SHA256)-(AES-128-GCM)}.
 * A resumed TLS 1.3 session drops the signature part; gnutls-cli also prints "This is a resumed session".
 */
public final class GnuTlsReports {

    private static final Pattern DESCRIPTION =
            Pattern.compile("Description:(?:</TD><TD>|\\s)*(\\(TLS1\\.[23][^\\s<]*)");
    private static final Pattern PART = Pattern.compile("\\(([^)]*)\\)");

    private GnuTlsReports() {
    }

    /** The last Description in {@code text} (a resuming client prints two), plus the resumption marker. */
    public static PeerReport parse(String text) {
        Matcher m = DESCRIPTION.matcher(text);
        String description = null;
        while (m.find()) {
            description = m.group(1);
        }
        PeerReport r = PeerReport.empty();
        if (description == null) {
            return r;
        }
        List<String> parts = new ArrayList<>();
        Matcher p = PART.matcher(description);
        while (p.find()) {
            parts.add(p.group(1));
        }
        for (String part : parts) {
            String upper = part.toUpperCase(Locale.ROOT);
            if (upper.startsWith("TLS1.3")) {
                r = r.withVersion(TlsVersion.TLS_1_3);
            } else if (upper.startsWith("TLS1.2")) {
                r = r.withVersion(TlsVersion.TLS_1_2);
            }
            for (Group g : Group.values()) {
                if (upper.equals(GnuTlsPreset.describeGroup(g))) {
                    r = r.withGroup(g);
                }
            }
            for (Suite s : Suite.values()) {
                if (upper.equals(s.gnutlsCipher())) {
                    r = r.withSuite(s);
                }
            }
            for (SigScheme s : SigScheme.values()) {
                if (upper.equals(GnuTlsPreset.describeScheme(s)) || (s == SigScheme.ED25519
                        && upper.equals("EDDSA-ED25519"))) {
                    r = r.withScheme(s);
                }
            }
        }
        if (text.contains("This is a resumed session")) {
            r = r.withResumed(true);
        } else if (text.contains("Handshake was completed") && !text.contains("Resume Handshake was completed")) {
            r = r.withResumed(false);
        }
        if (text.contains("The certificate is trusted")) {
            r = r.withVerified(true);
        } else if (text.contains("The certificate is NOT trusted")) {
            r = r.withVerified(false);
        }
        return r;
    }
}
