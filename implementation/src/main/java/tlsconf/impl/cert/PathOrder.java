package tlsconf.impl.cert;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the certificates a peer sent into the order PKIX validation needs (end-entity first, each next one the
 * issuer of the previous), dropping extraneous certificates and any copy of a trust anchor. RFC 8446 §4.4.2 says
 * the sender's certificate MUST come first while the others SHOULD be in order and receivers SHOULD tolerate
 * "extraneous certificates and arbitrary orderings". This only orders by issuer/subject names; every check is left
 * to the PKIX validator.
 */
final class PathOrder {
    private PathOrder() {
    }

    /** The path from {@code chain.get(0)} towards an anchor; empty when the leaf itself is a trust anchor. */
    static List<X509Certificate> order(List<X509Certificate> chain, List<X509Certificate> anchors) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = chain.get(0);
        if (anchors.contains(current)) {
            return path;
        }
        path.add(current);
        // bounded: each step adds a distinct certificate of the chain
        for (int step = 1; step < chain.size(); step++) {
            if (isSelfIssued(current) || issuedByAnchor(current, anchors)) {
                break;
            }
            X509Certificate next = findIssuer(current, chain, path);
            if (next == null || anchors.contains(next)) {
                break;
            }
            path.add(next);
            current = next;
        }
        return path;
    }

    private static X509Certificate findIssuer(X509Certificate c, List<X509Certificate> chain,
            List<X509Certificate> used) {
        List<X509Certificate> named = new ArrayList<>();
        for (X509Certificate candidate : chain) {
            if (!used.contains(candidate) && candidate.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                named.add(candidate);
            }
        }
        if (named.size() <= 1) {
            return named.isEmpty() ? null : named.get(0); // the usual case: PKIX verifies the signature once
        }
        for (X509Certificate candidate : named) {
            try {
                c.verify(candidate.getPublicKey());
                return candidate; // among same-named candidates prefer the one whose key signed c
            } catch (Exception e) {
                // not this one; PKIX will report the failure if no better candidate exists
            }
        }
        return named.get(0);
    }

    private static boolean issuedByAnchor(X509Certificate c, List<X509Certificate> anchors) {
        for (X509Certificate a : anchors) {
            if (a.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }
}
