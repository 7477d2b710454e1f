package tlsconf.vectors.kind;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.json.Node;

/** Certificate path validation corner cases, as DER: the presented chain (leaf first), trust anchors, name and time. */
public record CertificateCases(List<CertificateCase> cases) implements VectorBody {
    public CertificateCases {
        cases = List.copyOf(cases);
    }

    /** The verdict a validator must reach. */
    public enum Expected {
        ACCEPT,
        REJECT
    }

    /** One case; {@code acceptableAlerts} is empty for an accepted chain. */
    public record CertificateCase(String id, String description, List<Bytes> chain, List<Bytes> trustAnchors,
            String peerName, Instant validationTime, Expected expected, List<String> acceptableAlerts) {
        public CertificateCase {
            chain = List.copyOf(chain);
            trustAnchors = List.copyOf(trustAnchors);
            acceptableAlerts = List.copyOf(acceptableAlerts);
        }
    }

    public static CertificateCases parse(Node body) {
        body.only("kind", "id", "source", "description", "cases");
        List<CertificateCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node c : body.objects("cases", true)) {
            c.only("id", "description", "chain", "trustAnchors", "peerName", "validationTime", "expected",
                    "acceptableAlerts");
            String id = c.text("id");
            if (!ids.add(id)) {
                c.fail("id", "duplicate case id '" + id + "' in this file");
            }
            Instant time = Instant.EPOCH;
            String t = c.text("validationTime");
            try {
                time = t.isEmpty() ? Instant.EPOCH : Instant.parse(t);
            } catch (DateTimeParseException e) {
                c.fail("validationTime", "not an ISO-8601 instant like 2026-01-01T00:00:00Z: '" + t + "'");
            }
            Expected expected = c.choice("expected", "accept", "reject").equals("accept")
                    ? Expected.ACCEPT : Expected.REJECT;
            List<String> alerts = c.texts("acceptableAlerts", false);
            if (expected == Expected.REJECT && alerts.isEmpty()) {
                c.fail("acceptableAlerts", "a rejected chain must list the acceptable alerts");
            }
            List<Bytes> chain = c.hexes("chain", true);
            if (c.has("chain") && chain.isEmpty()) {
                c.fail("chain", "empty chain");
            }
            out.add(new CertificateCase(id, c.text("description"), chain, c.hexes("trustAnchors", true),
                    c.text("peerName"), time, expected, alerts));
        }
        return new CertificateCases(out);
    }
}
