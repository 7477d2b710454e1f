package tlsconf.vectorrun;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.Hkdf;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.kind.Kdf;
import tlsconf.vectors.kind.KdfHash;

/** Replays {@code kdf} vectors through the implementation's HKDF (and, once it exists, its TLS 1.2 PRF). */
final class KdfReplay {
    private KdfReplay() {
    }

    static List<Outcome> run(VectorFile file) {
        List<Outcome> out = new ArrayList<>();
        for (Kdf.KdfCase c : ((Kdf) file.body()).cases()) {
            String id = file.id() + "#" + c.id();
            if (c instanceof Kdf.Hkdf h) {
                out.add(hkdf(id, file.location(), h));
            } else {
                out.add(Outcome.skipped(id, file.location(),
                        "the reference implementation has no TLS 1.2 PRF yet (issue 4); TLS 1.2 PRF-" + c.hash()));
            }
        }
        return out;
    }

    private static Outcome hkdf(String id, String location, Kdf.Hkdf h) {
        if (h.hash() == KdfHash.SHA1) {
            return Outcome.skipped(id, location, "HKDF-SHA-1: TLS never uses it and the implementation has no SHA-1 HKDF");
        }
        HashAlgorithm hash = h.hash() == KdfHash.SHA256 ? HashAlgorithm.SHA256 : HashAlgorithm.SHA384;
        Checks checks = new Checks();
        byte[] prk = Hkdf.extract(hash, h.salt().toByteArray(), h.ikm().toByteArray());
        h.prk().ifPresent(expected -> checks.equal(id + " prk", expected, prk));
        checks.equal(id + " okm", h.okm(), Hkdf.expand(hash, prk, h.info().toByteArray(), h.length()));
        return checks.ok() ? Outcome.passed(id, location, "HKDF-" + hash + " extract and expand reproduced")
                : Outcome.failed(id, location, checks.summary());
    }
}
