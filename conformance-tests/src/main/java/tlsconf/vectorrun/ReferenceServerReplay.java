package tlsconf.vectorrun;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.RandomSource;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.crypto.KeySchedule;
import tlsconf.impl.crypto.KeyShareSource;
import tlsconf.impl.crypto.Signatures;
import tlsconf.impl.record.RecordProtection;
import tlsconf.model.vocabulary.Role;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.kind.Transcript;
import tlsconf.vectors.kind.Transcript.Step;

/**
 * Deterministic mode, server side: the reference server is given what the RFC 8448 server had (its RSA key of
 * §2 and certificate, its x25519/P-256 private key, its random) and fed the RFC client's records. Its ServerHello
 * record must equal the RFC's byte for byte; its encrypted flight is opened with the RFC's server handshake
 * traffic secret and each message compared with the RFC's, except CertificateVerify (RSA-PSS salt: verified
 * instead) and Finished (covers our CertificateVerify: verified under the RFC's secret instead).
 */
final class ReferenceServerReplay {
    private final Transcript t;
    private final Checks checks = new Checks();
    private final List<String> notes = new ArrayList<>();

    private ReferenceServerReplay(Transcript t) {
        this.t = t;
    }

    /**
     * Only 1-RTT traces without a PSK or HelloRetryRequest, with the RFC's RSA server key. (§5's HelloRetryRequest
     * carries the RFC server's opaque cookie, which our server cannot produce, so it rejects the RFC's second
     * ClientHello; §4 needs the RFC server's ticket key.)
     */
    static boolean applies(Transcript t) {
        return t.keys().containsKey("rsa modulus") && t.steps("client", "calculate PSK binder").isEmpty()
                && t.steps("server", "construct a ServerHello").size() == 1
                && t.steps("server", "construct a CertificateRequest").isEmpty()
                && !t.steps("server", "create an ephemeral").isEmpty();
    }

    static Outcome run(VectorFile file) {
        ReferenceServerReplay r = new ReferenceServerReplay((Transcript) file.body());
        String id = file.id() + "/reference-server";
        try {
            r.replay();
        } catch (TlsAlertException | GeneralSecurityException | RuntimeException e) {
            r.checks.fail("reference server", e.toString());
        }
        return r.checks.ok() ? Outcome.passed(id, file.location(), String.join("; ", r.notes))
                : Outcome.failed(id, file.location(), r.checks.summary());
    }

    private static byte[] value(List<Step> steps, String label) {
        return steps.get(steps.size() - 1).value(label).orElseThrow().toByteArray();
    }

    private static PrivateKey rsaKey(Transcript t) throws GeneralSecurityException {
        Map<String, Bytes> k = t.keys();
        return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                new BigInteger(1, k.get("rsa modulus").toByteArray()),
                new BigInteger(1, k.get("rsa public exponent").toByteArray()),
                new BigInteger(1, k.get("rsa private exponent").toByteArray()),
                new BigInteger(1, k.get("rsa prime1").toByteArray()),
                new BigInteger(1, k.get("rsa prime2").toByteArray()),
                new BigInteger(1, k.get("rsa exponent1").toByteArray()),
                new BigInteger(1, k.get("rsa exponent2").toByteArray()),
                new BigInteger(1, k.get("rsa coefficient").toByteArray())));
    }

    /** The reference server after the RFC client's plaintext records, and everything it wrote. */
    record Started(TlsEngine server, CipherSuite suite, byte[] output) {
    }

    /** Starts the reference server as the RFC server and feeds it the RFC client's records up to its first protected one. */
    static Started start(Transcript t) throws TlsAlertException, GeneralSecurityException {
        CipherSuite suite = CipherSuite.valueOf(t.cipherSuite());
        List<Step> keyPair = t.steps("server", "create an ephemeral");
        NamedGroup group = keyPair.get(0).action().contains("P-256") ? NamedGroup.SECP256R1 : NamedGroup.X25519;
        byte[] serverHello = value(t.steps("server", "construct a ServerHello"), "ServerHello");
        byte[] certificateMsg = value(t.steps("server", "construct a Certificate handshake"), "Certificate");
        X509Certificate cert = certificate(certificateMsg);
        Scripted random = new Scripted(Arrays.copyOfRange(serverHello, 6, 38));
        TlsConfig config = TlsConfig.builder(Role.SERVER).cipherSuites(suite).groups(group)
                .signatureSchemes(SignatureScheme.RSA_PSS_RSAE_SHA256).credentials(List.of(cert), rsaKey(t))
                .keyShareSource(KeyShareSource.fixed(Map.of(group, value(keyPair, "private key"))))
                .random(random).build();
        TlsEngine server = TlsEngine.create(config);
        random.armed = true;
        // Feed the client's records up to (not including) its Finished flight: until the server has answered.
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        for (Step s : t.steps()) {
            if (s.role().equals("client") && s.action().startsWith("send ") && s.value("complete record").isPresent()) {
                byte[] rec = s.value("complete record").get().toByteArray();
                if (rec[0] == 0x17) {
                    break;
                }
                server.feed(rec);
                ours.writeBytes(server.takeOutgoing());
            }
        }
        return new Started(server, suite, ours.toByteArray());
    }

    /** The handshake messages of the server's protected flight, opened with the RFC's server handshake secret. */
    static byte[] openFlight(Transcript t, Started st) throws TlsAlertException {
        byte[] sHs = value(t.steps("server", "derive secret \"tls13 s hs traffic\""), "expanded");
        RecordProtection open = RecordProtection.fromSecret(st.suite(), sHs);
        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        for (byte[] rec : splitRecords(st.output())) {
            if (rec[0] == 0x17) {
                flight.writeBytes(open.unprotect(Arrays.copyOfRange(rec, 5, rec.length)).content());
            }
        }
        return flight.toByteArray();
    }

    /**
     * For negative vectors on the client's Finished: the client Finished that fits the reference server's own
     * flight (RFC client handshake secret, transcript with our CertificateVerify), XORed as the mutation says,
     * protected as the RFC client would, fed to the server. Returns the alert it raised, or empty if it accepted
     * (with {@code xor} all zero this is the positive control and must be accepted).
     */
    static java.util.Optional<TlsAlertException> feedClientFinished(Transcript t, int offset, byte[] xor)
            throws TlsAlertException, GeneralSecurityException {
        Started st = start(t);
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        transcript.writeBytes(value(t.steps("client", "construct a ClientHello"), "ClientHello"));
        transcript.writeBytes(value(t.steps("server", "construct a ServerHello"), "ServerHello"));
        transcript.writeBytes(openFlight(t, st));
        byte[] cHs = value(t.steps("server", "derive secret \"tls13 c hs traffic\""), "expanded");
        byte[] vd = KeySchedule.verifyData(st.suite().hash(), cHs, st.suite().hash().hash(transcript.toByteArray()));
        byte[] finished = new byte[4 + vd.length];
        finished[0] = 20;
        finished[3] = (byte) vd.length;
        System.arraycopy(vd, 0, finished, 4, vd.length);
        for (int i = 0; i < xor.length; i++) {
            finished[offset + i] ^= xor[i];
        }
        byte[] record = RecordProtection.fromSecret(st.suite(), cHs).protect(22, finished, 0, finished.length, 0);
        try {
            st.server().feed(record);
        } catch (TlsAlertException e) {
            return java.util.Optional.of(e);
        }
        if (!st.server().isHandshakeComplete()) {
            throw new IllegalStateException("the server neither completed nor failed: " + st.server().state());
        }
        return java.util.Optional.empty();
    }

    private void replay() throws TlsAlertException, GeneralSecurityException {
        Started st = start(t);
        CipherSuite suite = st.suite();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ours.writeBytes(st.output());
        List<byte[]> records = splitRecords(ours.toByteArray());
        List<Step> rfcRecords = new ArrayList<>();
        for (Step s : t.steps()) {
            if (s.role().equals("server") && s.value("complete record").isPresent()) {
                rfcRecords.add(s);
            }
        }
        int i = 0;
        int j = 0;
        // Plaintext records (HelloRetryRequest, ServerHello, change_cipher_spec): byte for byte.
        while (i < records.size() && records.get(i)[0] != 0x17) {
            Step rfc = rfcRecords.get(j++);
            checks.equal(rfc + " " + rfc.pointer("complete record") + " (reference server output)",
                    rfc.value("complete record").get(), records.get(i++));
        }
        notes.add(i + " plaintext records byte for byte");
        if (i >= records.size()) {
            checks.fail("reference server", "no encrypted flight after the ServerHello");
            return;
        }
        byte[] sHs = value(t.steps("server", "derive secret \"tls13 s hs traffic\""), "expanded");
        compareFlight(suite, sHs, openFlight(t, st));
    }

    private void compareFlight(CipherSuite suite, byte[] sHs, byte[] flight) {
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        for (Step s : t.steps()) {
            if (s.action().startsWith("construct a") && (s.action().contains("ClientHello")
                    || s.action().contains("ServerHello"))) {
                transcript.writeBytes(s.values().values().iterator().next().toByteArray());
            }
        }
        if (!t.steps("server", "construct a ServerHello").isEmpty()
                && t.steps("server", "construct a ServerHello").size() > 1) {
            checks.fail("reference server", "HelloRetryRequest transcripts need the message_hash rewrite here");
            return;
        }
        int at = 0;
        int exact = 0;
        for (String name : List.of("EncryptedExtensions", "Certificate", "CertificateVerify", "Finished")) {
            if (at + 4 > flight.length) {
                checks.fail("reference server", "flight ends before " + name);
                return;
            }
            int len = (flight[at + 1] & 0xff) << 16 | (flight[at + 2] & 0xff) << 8 | (flight[at + 3] & 0xff);
            byte[] m = Arrays.copyOfRange(flight, at, at + 4 + len);
            at += 4 + len;
            List<Step> rfc = t.steps("server", "construct a" + (name.startsWith("E") ? "n " : " ") + name + " ");
            Step step = rfc.get(0);
            switch (name) {
                case "CertificateVerify" -> {
                    byte[] hash = suite.hash().hash(transcript.toByteArray());
                    byte[] content = Signatures.certificateVerifyContent(true, hash);
                    X509Certificate cert = certificate(value(t.steps("server", "construct a Certificate handshake"),
                            "Certificate"));
                    boolean ok = Signatures.verify(SignatureScheme.RSA_PSS_RSAE_SHA256,
                            Signatures.publicKey(cert.getPublicKey()), content, Arrays.copyOfRange(m, 8, m.length));
                    checks.check(step + " (our CertificateVerify)", ok && m[4] == 8 && m[5] == 4,
                            "does not verify with the RFC certificate's key");
                }
                case "Finished" -> {
                    byte[] expected = KeySchedule.verifyData(suite.hash(), sHs,
                            suite.hash().hash(transcript.toByteArray()));
                    checks.equal(step + " (our Finished, verified under the RFC's server handshake traffic secret)",
                            Bytes.of(expected), Arrays.copyOfRange(m, 4, m.length));
                }
                case "EncryptedExtensions" -> encryptedExtensions(step, m);
                default -> {
                    if (checks.equal(step + " " + step.pointer(name) + " (reference server output)",
                            step.value(name).get(), m)) {
                        exact++;
                    }
                }
            }
            transcript.writeBytes(m);
        }
        notes.add(exact + " encrypted messages byte for byte (Certificate), CertificateVerify and Finished verified "
                + "(RSA-PSS salt is random)");
    }

    /**
     * Which optional extensions a server puts in EncryptedExtensions is its policy (RFC 8446 §4.3.1): ours must be
     * a subset of the RFC server's, each with the same bytes.
     */
    private void encryptedExtensions(Step step, byte[] ours) {
        Map<Integer, String> rfc = extensions(step.value("EncryptedExtensions").get().toByteArray());
        Map<Integer, String> mine = extensions(ours);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Integer, String> e : mine.entrySet()) {
            checks.check(step + " (our EncryptedExtensions, extension " + e.getKey() + ")",
                    e.getValue().equals(rfc.get(e.getKey())), "not sent by the RFC server, or with other bytes: "
                            + e.getValue() + " vs " + rfc.get(e.getKey()));
        }
        // RFC 8446 does not fix the order of extensions in EncryptedExtensions: only their set and bytes are compared.
        rfc.keySet().stream().filter(k -> !mine.containsKey(k)).forEach(k -> missing.add(Integer.toString(k)));
        notes.add("EncryptedExtensions: our " + mine.keySet() + " equal the RFC server's; optional ones we do not send: "
                + missing);
    }

    private static Map<Integer, String> extensions(byte[] ee) {
        Map<Integer, String> out = new java.util.LinkedHashMap<>();
        int at = 6;
        int end = 6 + ((ee[4] & 0xff) << 8 | (ee[5] & 0xff));
        while (at + 4 <= end) {
            int type = (ee[at] & 0xff) << 8 | (ee[at + 1] & 0xff);
            int len = (ee[at + 2] & 0xff) << 8 | (ee[at + 3] & 0xff);
            out.put(type, Bytes.toHex(Arrays.copyOfRange(ee, at + 4, at + 4 + len)));
            at += 4 + len;
        }
        return out;
    }

    private static X509Certificate certificate(byte[] m) {
        int at = 4 + 1 + (m[4] & 0xff) + 3;
        int len = (m[at] & 0xff) << 16 | (m[at + 1] & 0xff) << 8 | (m[at + 2] & 0xff);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(m, at + 3, len));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("RFC certificate does not parse: " + e, e);
        }
    }

    private static List<byte[]> splitRecords(byte[] wire) {
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        while (at + 5 <= wire.length) {
            int len = (wire[at + 3] & 0xff) << 8 | (wire[at + 4] & 0xff);
            out.add(Arrays.copyOfRange(wire, at, at + 5 + len));
            at += 5 + len;
        }
        return out;
    }

    /**
     * The RFC's server random for the first 32-byte request once armed (when the ClientHello arrives); a fixed
     * stream otherwise (ticket key, PSS salt).
     */
    private static final class Scripted implements RandomSource {
        private final RandomSource rest = RandomSource.deterministic(8448);
        private final byte[] serverRandom;
        boolean armed;
        private boolean used;

        Scripted(byte[] serverRandom) {
            this.serverRandom = serverRandom;
        }

        @Override
        public void nextBytes(byte[] out) {
            if (armed && !used && out.length == 32) {
                used = true;
                System.arraycopy(serverRandom, 0, out, 0, 32);
            } else {
                rest.nextBytes(out);
            }
        }
    }
}
