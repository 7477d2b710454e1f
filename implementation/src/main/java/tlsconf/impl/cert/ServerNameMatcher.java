package tlsconf.impl.cert;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.util.IPAddress;

/**
 * Checks a server certificate against the name the client wanted to reach (RFC 6125 §6, RFC 5280 §4.2.1.6).
 *
 * <ul>
 *   <li>An IP literal (IPv4 dotted quad, or IPv6 with or without brackets) matches only an iPAddress SAN with the
 *       same bytes (RFC 6125 §1.7.2 leaves IPs to RFC 5280, whose §4.2.1.6 puts them in iPAddress). A dNSName
 *       that spells the address does not match, and a DNS reference never matches an iPAddress SAN.</li>
 *   <li>A DNS name matches a dNSName SAN case-insensitively, ignoring one trailing dot (RFC 6125 §6.4.1). A
 *       wildcard is honoured only as the complete left-most label ({@code *.example.com}), stands for exactly
 *       one non-empty label (§6.4.3), and needs at least two labels after it: {@code *.com} and {@code *} match
 *       nothing. Partial-label wildcards ({@code w*.example.com}), which §6.4.3 leaves to the client, are not
 *       honoured.</li>
 *   <li>The subject CN is consulted only when the certificate has no subjectAltName extension at all and the
 *       reference is a DNS name (RFC 6125 §6.4.4): with any SAN present there is no CN fallback.</li>
 * </ul>
 */
final class ServerNameMatcher {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private ServerNameMatcher() {
    }

    /** True when the reference name is an IPv4 or IPv6 literal (brackets allowed around IPv6). */
    static boolean isIpLiteral(String reference) {
        String s = stripBrackets(reference);
        return IPAddress.isValidIPv4(s) || IPAddress.isValidIPv6(s);
    }

    /** Whether {@code leaf} is valid for {@code reference}; the certificate must already be known to parse. */
    static boolean matches(X509Certificate leaf, String reference) throws CertificateParsingException {
        Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
        if (isIpLiteral(reference)) {
            byte[] wanted = ipBytes(stripBrackets(reference));
            for (List<?> san : sans == null ? List.<List<?>>of() : sans) {
                if (((Integer) san.get(0)) == SAN_IP && Arrays.equals(wanted, ipBytes((String) san.get(1)))) {
                    return true;
                }
            }
            return false;
        }
        String host = normalise(reference);
        if (host.isEmpty()) {
            return false;
        }
        if (sans == null) {
            for (String cn : commonNames(leaf)) {
                if (dnsMatches(cn, host)) {
                    return true;
                }
            }
            return false;
        }
        for (List<?> san : sans) {
            if (((Integer) san.get(0)) == SAN_DNS && dnsMatches((String) san.get(1), host)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 6125 §6.4.1 and §6.4.3 for one presented dNSName against an already normalised reference host. */
    static boolean dnsMatches(String presented, String host) {
        String p = normalise(presented);
        if (p.isEmpty() || host.isEmpty()) {
            return false;
        }
        if (!p.contains("*")) {
            return p.equals(host);
        }
        String[] pl = p.split("\\.", -1);
        String[] hl = host.split("\\.", -1);
        if (!pl[0].equals("*") || pl.length < 3 || pl.length != hl.length) {
            return false; // wildcard not the whole left-most label, too few labels, or label count differs
        }
        if (hl[0].isEmpty()) {
            return false;
        }
        for (int i = 1; i < pl.length; i++) {
            if (pl[i].contains("*") || pl[i].isEmpty() || !pl[i].equals(hl[i])) {
                return false;
            }
        }
        return true;
    }

    /** Human listing of the names a certificate carries, for rejection messages. */
    static String describeNames(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    String kind = type == SAN_DNS ? "DNS" : type == SAN_IP ? "IP" : "type" + type;
                    names.add(kind + ":" + san.get(1));
                }
            } else {
                names.add("no subjectAltName; CN " + commonNames(leaf));
            }
        } catch (CertificateParsingException e) {
            names.add("unparseable subjectAltName");
        }
        return String.join(", ", names);
    }

    private static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    private static String stripBrackets(String s) {
        return s.length() > 2 && s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    }

    private static byte[] ipBytes(String literal) {
        if (!(IPAddress.isValidIPv4(literal) || IPAddress.isValidIPv6(literal))) {
            return new byte[0];
        }
        try {
            // a validated literal: getByName parses it and performs no name lookup
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return new byte[0];
        }
    }

    private static List<String> commonNames(X509Certificate leaf) {
        List<String> out = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") && rdn.getValue() instanceof String s) {
                    out.add(s);
                }
            }
        } catch (InvalidNameException e) {
            // an unparseable subject simply offers no CN
        }
        return out;
    }
}
