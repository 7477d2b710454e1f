package tlsconf.vectorrun;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.RandomSource;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.crypto.Aead;
import tlsconf.impl.crypto.EphemeralKey;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.Hkdf;
import tlsconf.impl.crypto.Signatures;
import tlsconf.impl.tls12.RsaKeyTransport;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.kind.Wycheproof;
import tlsconf.vectors.kind.Wycheproof.Case;
import tlsconf.vectors.kind.Wycheproof.Group;
import tlsconf.vectors.kind.Wycheproof.Result;

/**
 * Runs Wycheproof files through the primitives exactly as the reference implementation calls them: {@link Aead}
 * per cipher suite, {@link EphemeralKey} for key shares (invalid points must be rejected), {@link Signatures} for
 * CertificateVerify schemes, {@link Hkdf} for HMAC and HKDF. Groups with parameters TLS never uses (other IV or tag
 * sizes, 192-bit AES keys, other PSS salts) are counted as skipped, never passed.
 */
final class WycheproofReplay {
    private final String id;
    private final Checks checks = new Checks();
    private int run;
    private final java.util.Map<String, Integer> skipped = new java.util.TreeMap<>();

    private WycheproofReplay(String id) {
        this.id = id;
    }

    static Outcome run(VectorFile file) {
        Wycheproof w = (Wycheproof) file.body();
        WycheproofReplay r = new WycheproofReplay(file.id());
        for (Group g : w.groups()) {
            for (Case c : g.tests()) {
                try {
                    r.one(w, g, c);
                } catch (RuntimeException | GeneralSecurityException e) {
                    r.checks.fail(r.where(c), "threw " + e);
                }
            }
        }
        StringBuilder detail = new StringBuilder(r.run + " tests run");
        r.skipped.forEach((why, n) -> detail.append(", ").append(n).append(" skipped (").append(why).append(')'));
        return r.checks.ok() ? Outcome.passed(file.id(), file.location(), w.algorithm() + ": " + detail)
                : Outcome.failed(file.id(), file.location(), r.checks.summary() + "; " + detail);
    }

    private String where(Case c) {
        return "tcId " + c.tcId() + (c.comment().isEmpty() ? "" : " (" + c.comment() + ")") + " ["
                + c.result().name().toLowerCase() + "]";
    }

    private void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    private void one(Wycheproof w, Group g, Case c) throws GeneralSecurityException {
        String schema = w.schema();
        if (schema.startsWith("aead_test")) {
            aead(w.algorithm(), g, c);
        } else if (schema.startsWith("xdh_comp")) {
            agreement(NamedGroup.X25519, c);
        } else if (schema.startsWith("ecdh_ecpoint")) {
            if (!g.params().get("curve").equals("secp256r1")) {
                skip("curve " + g.params().get("curve"));
                return;
            }
            agreement(NamedGroup.SECP256R1, c);
        } else if (schema.startsWith("ecdsa_verify")) {
            verify(SignatureScheme.ECDSA_SECP256R1_SHA256, "EC", g, c);
        } else if (schema.startsWith("eddsa_verify")) {
            verify(SignatureScheme.ED25519, "Ed25519", g, c);
        } else if (schema.startsWith("rsassa_pss_verify")) {
            if (!g.params().get("sha").equals("SHA-256") || !g.params().get("mgfSha").equals("SHA-256")
                    || g.intParam("sLen") != 32) {
                skip("PSS parameters other than rsa_pss_rsae_sha256's");
                return;
            }
            verify(SignatureScheme.RSA_PSS_RSAE_SHA256, "RSA", g, c);
        } else if (schema.startsWith("rsassa_pkcs1_verify")) {
            verify(SignatureScheme.RSA_PKCS1_SHA256, "RSA", g, c);
        } else if (schema.startsWith("rsaes_pkcs1_decrypt")) {
            rsaKeyTransport(g, c);
        } else if (schema.startsWith("mac_test")) {
            mac(w.algorithm(), g, c);
        } else if (schema.startsWith("hkdf_test")) {
            hkdf(w.algorithm(), c);
        } else {
            skip("schema " + schema + " has no replay");
        }
    }

    /** Accepted or rejected as Wycheproof says; "acceptable" may go either way. */
    private void verdict(Case c, boolean accepted, String what) {
        run++;
        if (c.result() == Result.VALID) {
            checks.check(where(c), accepted, what + " rejected a valid input");
        } else if (c.result() == Result.INVALID) {
            checks.check(where(c), !accepted, what + " accepted an invalid input");
        } else {
            checks.check(where(c), true, "");
        }
    }

    private void aead(String algorithm, Group g, Case c) {
        CipherSuite suite;
        if (g.intParam("ivSize") != 96 || g.intParam("tagSize") != 128) {
            skip("IV or tag size TLS 1.3 never uses");
            return;
        }
        if (algorithm.equals("CHACHA20-POLY1305")) {
            suite = CipherSuite.TLS_CHACHA20_POLY1305_SHA256;
        } else if (g.intParam("keySize") == 128) {
            suite = CipherSuite.TLS_AES_128_GCM_SHA256;
        } else if (g.intParam("keySize") == 256) {
            suite = CipherSuite.TLS_AES_256_GCM_SHA384;
        } else {
            skip("AES-192: no TLS 1.3 suite");
            return;
        }
        byte[] key = c.value("key").toByteArray();
        byte[] iv = c.value("iv").toByteArray();
        byte[] aad = c.value("aad").toByteArray();
        byte[] msg = c.value("msg").toByteArray();
        byte[] sealed = concat(c.value("ct").toByteArray(), c.value("tag").toByteArray());
        byte[] opened = new Aead(suite, key).open(iv, aad, sealed, 0, sealed.length);
        verdict(c, opened != null, "AEAD open");
        if (c.result() == Result.VALID) {
            checks.equal(where(c) + " decrypted msg", c.value("msg"), opened == null ? new byte[0] : opened);
            checks.equal(where(c) + " ct||tag", Bytes.of(sealed), new Aead(suite, key).seal(iv, aad, msg, 0, msg.length));
        }
    }

    private void agreement(NamedGroup group, Case c) {
        byte[] shared;
        try {
            shared = EphemeralKey.fromPrivate(group, c.value("private").toByteArray())
                    .agree(c.value("public").toByteArray());
        } catch (TlsAlertException | IllegalArgumentException e) {
            shared = null;
        }
        verdict(c, shared != null, group + " key agreement");
        if (shared != null && c.result() != Result.INVALID) {
            checks.equal(where(c) + " shared", c.value("shared"), shared);
        }
    }

    private void verify(SignatureScheme scheme, String keyAlgorithm, Group g, Case c) throws GeneralSecurityException {
        Bytes der = g.keys().get("publicKeyDer");
        if (der == null) {
            skip("group without publicKeyDer");
            return;
        }
        PublicKey pk = KeyFactory.getInstance(keyAlgorithm).generatePublic(new X509EncodedKeySpec(der.toByteArray()));
        AsymmetricKeyParameter key = Signatures.publicKey(pk);
        boolean ok = Signatures.verify(scheme, key, c.value("msg").toByteArray(), c.value("sig").toByteArray());
        verdict(c, ok, scheme + " verify");
    }

    /**
     * PKCS#1 v1.5 decryption as the TLS 1.2 server uses it for the premaster secret (RFC 5246 §7.4.7.1): a valid
     * 48-byte plaintext comes out as is (the version check given its first two bytes); every other input, invalid
     * padding or a plaintext of another length, must come out as the random fallback premaster, with no error.
     */
    private void rsaKeyTransport(Group g, Case c) throws GeneralSecurityException {
        Bytes pkcs8 = g.keys().get("privateKeyPkcs8");
        if (pkcs8 == null) {
            skip("group without privateKeyPkcs8");
            return;
        }
        PrivateKey pk = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8.toByteArray()));
        byte[] fallback = new byte[RsaKeyTransport.PREMASTER_LENGTH];
        Arrays.fill(fallback, (byte) 0xa5);
        RandomSource rest = RandomSource.deterministic(c.tcId());
        boolean[] first = {true};
        RandomSource random = out -> {
            if (first[0] && out.length == fallback.length) {
                first[0] = false;
                System.arraycopy(fallback, 0, out, 0, out.length);
            } else {
                rest.nextBytes(out);
            }
        };
        byte[] msg = c.value("msg").toByteArray();
        boolean premaster = c.result() == Result.VALID && msg.length == RsaKeyTransport.PREMASTER_LENGTH;
        int version = premaster ? (msg[0] & 0xff) << 8 | (msg[1] & 0xff) : 0x0303;
        byte[] out = RsaKeyTransport.decrypt(Signatures.privateKey(pk), c.value("ct").toByteArray(), version, random);
        run++;
        if (premaster) {
            checks.equal(where(c) + " premaster", c.value("msg"), out);
        } else {
            checks.check(where(c), Arrays.equals(out, fallback), "decryption did not fall back to the random "
                    + "premaster for a " + (c.result() == Result.VALID ? msg.length + "-byte plaintext" : "bad padding"));
        }
    }

    private static HashAlgorithm hashOf(String algorithm) {
        if (algorithm.contains("384")) {
            return HashAlgorithm.SHA384;
        }
        if (algorithm.contains("256")) {
            return HashAlgorithm.SHA256;
        }
        throw new IllegalArgumentException("no SHA-256/384 in " + algorithm);
    }

    private void mac(String algorithm, Group g, Case c) {
        byte[] full = Hkdf.hmac(hashOf(algorithm), c.value("key").toByteArray(), c.value("msg").toByteArray());
        byte[] tag = Arrays.copyOf(full, g.intParam("tagSize") / 8);
        verdict(c, c.value("tag").contentEquals(tag), "HMAC tag check");
    }

    private void hkdf(String algorithm, Case c) {
        HashAlgorithm h = hashOf(algorithm);
        byte[] okm;
        try {
            byte[] prk = Hkdf.extract(h, c.value("salt").toByteArray(), c.value("ikm").toByteArray());
            okm = Hkdf.expand(h, prk, c.value("info").toByteArray(), c.numbers().get("size"));
        } catch (IllegalArgumentException e) {
            okm = null;
        }
        verdict(c, okm != null, "HKDF");
        if (okm != null && c.result() == Result.VALID) {
            checks.equal(where(c) + " okm", c.value("okm"), okm);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
