package tlsconf.impl.cert;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Generated host names against the RFC 6125 §6.4 rules (QuickTheories, shrinking to the smallest counterexample). */
class ServerNamePropertiesTest {
    private static final Gen<String> LABEL = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8);
    private static final Gen<List<String>> LABELS = lists().of(LABEL).ofSizeBetween(2, 5);

    @Test
    void exactNamesMatchThemselvesInAnyCase() {
        qt().forAll(LABELS).checkAssert(labels -> {
            String host = String.join(".", labels);
            check(ServerNameMatcher.dnsMatches(host.toUpperCase(java.util.Locale.ROOT) + ".", host), host);
        });
    }

    @Test
    void wildcardMatchesExactlyOneLeftMostLabel() {
        qt().forAll(LABELS, LABEL, LABEL).checkAssert((rest, first, second) -> {
            String base = String.join(".", rest);
            String pattern = "*." + base;
            check(ServerNameMatcher.dnsMatches(pattern, first + "." + base), pattern + " vs " + first + "." + base);
            check(!ServerNameMatcher.dnsMatches(pattern, base), pattern + " matched its own base " + base);
            check(!ServerNameMatcher.dnsMatches(pattern, first + "." + second + "." + base),
                    pattern + " matched two labels");
        });
    }

    @Test
    void wildcardAnywhereButTheWholeFirstLabelNeverMatches() {
        qt().forAll(LABELS, integers().between(1, 4), LABEL).checkAssert((labels, position, prefix) -> {
            int at = Math.min(position, labels.size() - 1);
            String host = String.join(".", labels);
            String[] p = host.split("\\.");
            p[at] = "*";
            check(!ServerNameMatcher.dnsMatches(String.join(".", p), host), String.join(".", p) + " vs " + host);
            String partial = prefix + "*." + host.substring(host.indexOf('.') + 1);
            check(!ServerNameMatcher.dnsMatches(partial, prefix + "x." + host.substring(host.indexOf('.') + 1)),
                    "partial wildcard " + partial);
        });
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
