package tlsconf.impl.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6125 §6.4 matching of one presented dNSName; expectations written from the RFC text. */
class ServerNameMatcherTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            // §6.4.1: exact, case-insensitive, trailing dot ignored
            "example.com, example.com, true",
            "EXAMPLE.com, example.COM, true",
            "example.com., example.com, true",
            "example.com, www.example.com, false",
            "www.example.com, example.com, false",
            // §6.4.3: wildcard only as the whole left-most label, exactly one label
            "*.example.com, www.example.com, true",
            "*.example.com, WWW.Example.Com., true",
            "*.example.com, example.com, false",
            "*.example.com, a.b.example.com, false",
            "www.*.com, www.example.com, false",
            "*.*.example.com, a.b.example.com, false",
            "*, localhost, false",
            "*.com, example.com, false",
            "w*.example.com, www.example.com, false",
            "*w.example.com, ww.example.com, false",
            "xn--*.example.com, xn--abc.example.com, false",
            "'', example.com, false",
            "example.com, '', false",
    })
    void dnsMatching(String presented, String reference, boolean expected) {
        String host = reference.toLowerCase(java.util.Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        assertEquals(expected, ServerNameMatcher.dnsMatches(presented, host));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"127.0.0.1, true", "::1, true", "[::1], true", "fe80::1, true", "localhost, false",
            "256.0.0.1, false", "1.2.3, false", "example.com, false", "[example.com], false"})
    void ipLiterals(String reference, boolean ip) {
        assertEquals(ip, ServerNameMatcher.isIpLiteral(reference));
    }
}
