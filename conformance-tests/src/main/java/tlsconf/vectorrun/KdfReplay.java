package tlsconf.vectorrun;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.Hkdf;
import tlsconf.impl.tls12.Prf;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.kind.Kdf;
import tlsconf.vectors.kind.KdfHash;

/** Replays {@code kdf} vectors through the implementation's HKDF and TLS 1.2 PRF. */
final class KdfReplay {
    private KdfReplay() {
    }

    static List<Outcome> run(VectorFile file) {
        List<Outcome> out = new ArrayList<>();
        for (Kdf.KdfCase c : ((Kdf) file.body()).cases()) {
            String id = file.id() + "#" + c.id();
            if (c instanceof Kdf.Hkdf h) {
                out.add(hkdf(id, file.location(), h));
            } else if (c instanceof Kdf.Prf p) {
                out.add(prf(id, file.location(), p));
            }
        }
        return out;
    }

    /**
     * The TLS 1.2 PRF through the entry point the implementation uses for each label (master secret, extended
     * master secret, key block, Finished), and through the bare PRF for any other label.
     */
    private static Outcome prf(String id, String location, Kdf.Prf p) {
        if (p.hash() == KdfHash.SHA1) {
            return Outcome.skipped(id, location, "no SHA-1 TLS 1.2 PRF");
        }
        HashAlgorithm hash = p.hash() == KdfHash.SHA256 ? HashAlgorithm.SHA256 : HashAlgorithm.SHA384;
        byte[] secret = p.secret().toByteArray();
        byte[] seed = p.seed().toByteArray();
        byte[] half1 = java.util.Arrays.copyOfRange(seed, 0, seed.length / 2);
        byte[] half2 = java.util.Arrays.copyOfRange(seed, seed.length / 2, seed.length);
        String via;
        byte[] out;
        if (p.label().equals("master secret") && seed.length == 64 && p.length() == Prf.MASTER_SECRET_LENGTH) {
            via = "Prf.masterSecret";
            out = Prf.masterSecret(hash, secret, half1, half2);
        } else if (p.label().equals("extended master secret") && p.length() == Prf.MASTER_SECRET_LENGTH) {
            via = "Prf.extendedMasterSecret";
            out = Prf.extendedMasterSecret(hash, secret, seed);
        } else if (p.label().equals("key expansion") && seed.length == 64) {
            via = "Prf.keyBlock";
            // seed = server_random + client_random; keyBlock takes (client, server).
            out = Prf.keyBlock(hash, secret, half2, half1, p.length());
        } else if (p.label().endsWith(" finished") && p.length() == Prf.VERIFY_DATA_LENGTH) {
            via = "Prf.verifyData";
            out = Prf.verifyData(hash, secret, p.label().startsWith("client"), seed);
        } else {
            via = "Prf.prf";
            out = Prf.prf(hash, secret, p.label(), seed, p.length());
        }
        Checks checks = new Checks();
        checks.equal(id + " output", p.output(), out);
        return checks.ok() ? Outcome.passed(id, location, "TLS 1.2 PRF-" + hash + " \"" + p.label() + "\" via " + via
                + ", " + p.length() + " bytes reproduced") : Outcome.failed(id, location, checks.summary());
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
