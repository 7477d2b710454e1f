package tlsconf.vectors.kind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.json.Node;

/** Key derivation vectors: HKDF (RFC 5869) and the TLS 1.2 PRF (RFC 5246 §5), including RFC 7627's extended master secret. */
public record Kdf(List<KdfCase> cases) implements VectorBody {
    public Kdf {
        cases = List.copyOf(cases);
    }

    /** One derivation. */
    public sealed interface KdfCase permits Hkdf, Prf {
        String id();

        KdfHash hash();
    }

    /** HKDF-Extract(salt, ikm) = prk (when given) and HKDF-Expand(prk, info, length) = okm. */
    public record Hkdf(String id, KdfHash hash, Bytes ikm, Bytes salt, Bytes info, int length, Optional<Bytes> prk,
            Bytes okm) implements KdfCase {
    }

    /** PRF(secret, label, seed)[0..length) = output; label is ASCII and not part of seed. */
    public record Prf(String id, KdfHash hash, Bytes secret, String label, Bytes seed, int length, Bytes output,
            Optional<String> purpose) implements KdfCase {
        public byte[] labelBytes() {
            return label.getBytes(StandardCharsets.US_ASCII);
        }
    }

    public static Kdf parse(Node body) {
        body.only("kind", "id", "source", "description", "cases");
        List<KdfCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Node> cases = body.objects("cases", true);
        if (body.has("cases") && cases.isEmpty()) {
            body.fail("cases", "no cases");
        }
        for (Node c : cases) {
            String id = c.text("id");
            if (!ids.add(id)) {
                c.fail("id", "duplicate case id '" + id + "' in this file");
            }
            String alg = c.choice("algorithm", "hkdf-sha1", "hkdf-sha256", "hkdf-sha384", "tls12-prf-sha256",
                    "tls12-prf-sha384");
            KdfHash hash = alg.endsWith("384") ? KdfHash.SHA384 : alg.endsWith("sha1") ? KdfHash.SHA1 : KdfHash.SHA256;
            if (alg.startsWith("hkdf")) {
                c.only("id", "algorithm", "comment", "ikm", "salt", "info", "length", "prk", "okm");
                Hkdf h = new Hkdf(id, hash, c.hex("ikm"), c.hex("salt"), c.hex("info"), c.integer("length"),
                        c.optHex("prk"), c.hex("okm"));
                if (c.has("okm") && c.has("length") && h.okm().length() != h.length()) {
                    c.fail("okm", "has " + h.okm().length() + " bytes but length is " + h.length());
                }
                out.add(h);
            } else if (alg.startsWith("tls12")) {
                c.only("id", "algorithm", "comment", "purpose", "secret", "label", "seed", "length", "output");
                Prf p = new Prf(id, hash, c.hex("secret"), c.text("label"), c.hex("seed"), c.integer("length"),
                        c.hex("output"), c.optText("purpose"));
                if (c.has("output") && c.has("length") && p.output().length() != p.length()) {
                    c.fail("output", "has " + p.output().length() + " bytes but length is " + p.length());
                }
                out.add(p);
            }
        }
        return new Kdf(out);
    }
}
