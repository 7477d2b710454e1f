package tlsconf.peers.openssl;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Group;
import tlsconf.peers.PeerReport;
import tlsconf.peers.SigScheme;
import tlsconf.peers.Suite;

/** Reads what OpenSSL says it negotiated. */
public final class OpenSslReports {

    private static final Pattern PROTOCOL = Pattern.compile("(?m)^Protocol version: (\\S+)");
    private static final Pattern CIPHERSUITE = Pattern.compile("(?m)^Ciphersuite: (\\S+)");
    private static final Pattern TEMP_KEY = Pattern.compile("(?m)^(?:Server|Peer) Temp Key: ([^\\n]+)");
    private static final Pattern SIGNATURE = Pattern.compile("(?m)^(?:Peer )?[Ss]ignature type: (\\S+)");
    private static final Pattern HASH = Pattern.compile("(?m)^(?:Hash used|Peer signing digest): (\\S+)");
    private static final Pattern VERIFICATION = Pattern.compile("(?m)^Verification: (.+)$");
    private static final Pattern WWW_SESSION = Pattern.compile("(?m)^(New|Reused), (TLSv1\\.[23]), Cipher is (\\S+)");

    private OpenSslReports() {
    }

    /**
     * Parses {@code s_client -brief} output. "Signature type:" (the server's CertificateVerify) appears only after
     * a full handshake, so its absence after "CONNECTION ESTABLISHED" means the session was resumed ("Peer
     * certificate:" is printed either way: a resumed session keeps the certificate).
     */
    public static PeerReport sClientBrief(String text) {
        PeerReport r = PeerReport.empty();
        r = find(PROTOCOL, text).map(OpenSslReports::version).map(r::withVersion).orElse(r);
        r = find(CIPHERSUITE, text).flatMap(OpenSslReports::suite).map(r::withSuite).orElse(r);
        r = find(TEMP_KEY, text).flatMap(OpenSslReports::group).map(r::withGroup).orElse(r);
        Optional<String> hash = find(HASH, text);
        r = find(SIGNATURE, text).flatMap(s -> scheme(s, hash.orElse(""))).map(r::withScheme).orElse(r);
        r = find(VERIFICATION, text).map(v -> v.strip().equals("OK")).map(r::withVerified).orElse(r);
        if (text.contains("CONNECTION ESTABLISHED")) {
            r = r.withResumed(!SIGNATURE.matcher(text).find());
        }
        return r;
    }

    /** Parses the page {@code s_server -www} answers with: "New, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256". */
    public static PeerReport wwwPage(String text) {
        Matcher m = WWW_SESSION.matcher(text);
        if (!m.find()) {
            return PeerReport.empty();
        }
        PeerReport r = PeerReport.empty().withResumed(m.group(1).equals("Reused")).withVersion(version(m.group(2)));
        return suite(m.group(3)).map(r::withSuite).orElse(r);
    }

    private static Optional<String> find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    static TlsVersion version(String openssl) {
        return switch (openssl) {
            case "TLSv1.3" -> TlsVersion.TLS_1_3;
            case "TLSv1.2" -> TlsVersion.TLS_1_2;
            default -> null;
        };
    }

    static Optional<Suite> suite(String name) {
        for (Suite s : Suite.values()) {
            if (s.iana().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** "X25519, 253 bits" or "ECDH, prime256v1, 256 bits". */
    static Optional<Group> group(String tempKey) {
        if (tempKey.startsWith("X25519")) {
            return Optional.of(Group.X25519);
        }
        if (tempKey.contains("prime256v1") || tempKey.contains("P-256")) {
            return Optional.of(Group.SECP256R1);
        }
        return Optional.empty();
    }

    static Optional<SigScheme> scheme(String type, String hash) {
        // OpenSSL 3.0 prints "Signature type: ed25519" with "Hash used: UNDEF" for EdDSA.
        return switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "ecdsa" -> hash.equals("SHA256") ? Optional.of(SigScheme.ECDSA_SECP256R1_SHA256) : Optional.empty();
            case "rsa-pss" -> hash.equals("SHA256") ? Optional.of(SigScheme.RSA_PSS_RSAE_SHA256) : Optional.empty();
            case "ed25519" -> Optional.of(SigScheme.ED25519);
            default -> Optional.empty();
        };
    }
}
