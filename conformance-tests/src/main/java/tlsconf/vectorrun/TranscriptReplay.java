package tlsconf.vectorrun;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.NamedGroup;
import tlsconf.impl.SignatureScheme;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.crypto.EphemeralKey;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.Hkdf;
import tlsconf.impl.crypto.KeySchedule;
import tlsconf.impl.crypto.Signatures;
import tlsconf.impl.crypto.TrafficKeys;
import tlsconf.impl.crypto.Transcript;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.message.HandshakeMessage;
import tlsconf.impl.record.RecordProtection;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.kind.Transcript.Step;

/**
 * Replays a {@code transcript} vector (RFC 8448 wording) through the reference implementation's primitives: the
 * key schedule runs from its own inputs only (the (EC)DHE secret it agrees from the given private keys, the PSK,
 * and transcript hashes it computes from the file's message bytes), and every secret, key, IV, binder and
 * verify_data it derives is compared with the file. Every message goes through the implementation's codec and
 * must re-encode to the same bytes; every protected record must decrypt under the derived keys to the file's
 * plaintext and re-encrypt byte for byte; every CertificateVerify signature is verified (RSA-PSS salts are random,
 * so they cannot be reproduced).
 */
final class TranscriptReplay {
    /** RFC 8446 §4.1.3: the ServerHello.random of a HelloRetryRequest, SHA-256("HelloRetryRequest"). */
    private static final Bytes HRR_RANDOM =
            Bytes.fromHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    private static final Pattern QUOTED_LABEL = Pattern.compile("\"tls13 ([^\"]+)\"");
    private static final Map<String, Integer> RECORD_TYPES = Map.of("change_cipher_spec", 20, "alert", 21,
            "handshake", 22, "application_data", 23);

    private final VectorFile file;
    private final tlsconf.vectors.kind.Transcript vector;
    private final Checks checks = new Checks();
    private CipherSuite suite;
    private HashAlgorithm hash;
    private final Transcript transcript = new Transcript();
    private final Map<String, EphemeralKey> keyPairs = new HashMap<>();
    private KeySchedule.Early early;
    private KeySchedule.Handshake handshake;
    private KeySchedule.Master master;
    private byte[] sharedSecret;
    /** Secrets derived so far, by RFC 8446 label ("c hs traffic" ...). */
    private final Map<String, byte[]> secrets = new HashMap<>();
    private final Map<String, byte[]> verifyData = new HashMap<>();
    /** Per sender: messages built since its last handshake record, and a ClientHello still missing its binders. */
    private final Map<String, ByteArrayOutputStream> unsent = new HashMap<>();
    private byte[] truncatedHello;
    private final Map<String, X509Certificate> certificates = new HashMap<>();
    private final Map<String, RecordProtection[]> protection = new HashMap<>();
    private int signaturesVerified;
    private int recordsReplayed;

    private TranscriptReplay(VectorFile file) {
        this.file = file;
        this.vector = (tlsconf.vectors.kind.Transcript) file.body();
    }

    static Outcome run(VectorFile file) {
        TranscriptReplay r = new TranscriptReplay(file);
        try {
            r.replay();
        } catch (RuntimeException | TlsAlertException e) {
            r.checks.fail("replay stopped", e.toString());
        }
        String detail = r.checks.ok()
                ? r.checks.passed() + " values reproduced, " + r.recordsReplayed + " records decrypted and "
                        + "re-encrypted byte for byte, " + r.signaturesVerified + " signatures verified"
                : r.checks.summary();
        return r.checks.ok() ? Outcome.passed(file.id(), file.location(), detail)
                : Outcome.failed(file.id(), file.location(), detail);
    }

    private String where(Step s, String label) {
        return s + " " + s.pointer(label);
    }

    private void replay() throws TlsAlertException {
        if (!vector.tls().equals("1.3")) {
            throw new IllegalArgumentException("only TLS 1.3 transcripts are replayed so far");
        }
        suite = CipherSuite.valueOf(vector.cipherSuite());
        hash = suite.hash();
        transcript.chooseHash(hash);
        for (Step s : vector.steps()) {
            step(s);
        }
    }

    private static byte[] v(Step s, String label) {
        return s.value(label).orElseThrow(() -> new IllegalArgumentException(s + " has no value '" + label + "'"))
                .toByteArray();
    }

    private void step(Step s) throws TlsAlertException {
        String a = s.action();
        if (a.startsWith("create an ephemeral ")) {
            keyPair(s, a.contains("P-256") ? NamedGroup.SECP256R1 : NamedGroup.X25519);
        } else if (a.startsWith("construct a")) {
            message(s);
        } else if (a.startsWith("send ") && a.endsWith(" record")) {
            record(s, a.substring(5, a.length() - 7));
        } else if (a.startsWith("derive write traffic keys for ") || a.startsWith("derive read traffic keys for ")) {
            trafficKeys(s, a.startsWith("derive write"));
        } else if (s.values().isEmpty()) {
            // "(same as server)": the other side's step carries the values and was replayed there.
            return;
        } else if (a.startsWith("extract secret ")) {
            extract(s);
        } else if (a.contains("\"tls13 derived\"")) {
            derivedSalt(s);
        } else if (a.startsWith("derive secret ")) {
            deriveSecret(s);
        } else if (a.startsWith("calculate finished")) {
            finished(s);
        } else if (a.equals("calculate PSK binder")) {
            binder(s);
        } else if (a.startsWith("generate resumption secret")) {
            byte[] psk = KeySchedule.resumptionPsk(hash, secret("res master"), v(s, "hash"));
            checks.equal(where(s, "PRK"), s.value("PRK").get(), secret("res master"));
            checks.equal(where(s, "expanded"), s.value("expanded").get(), psk);
        } else {
            checks.fail(s.toString(), "unknown action (the replay knows RFC 8448's actions, see vectors/README.md)");
        }
    }

    private byte[] secret(String label) {
        byte[] b = secrets.get(label);
        if (b == null) {
            throw new IllegalStateException("secret '" + label + "' used before it was derived");
        }
        return b;
    }

    private void keyPair(Step s, NamedGroup group) {
        EphemeralKey k = EphemeralKey.fromPrivate(group, v(s, "private key"));
        checks.equal(where(s, "public key"), s.value("public key").get(), k.publicKey());
        keyPairs.put(s.role(), k);
    }

    private void extract(Step s) throws TlsAlertException {
        String a = s.action();
        if (a.contains("\"early\"")) {
            byte[] ikm = v(s, "IKM");
            boolean noPsk = Arrays.equals(ikm, new byte[hash.length()]);
            early = KeySchedule.early(hash, noPsk ? null : ikm);
            checks.equal(where(s, "secret"), s.value("secret").get(), early.secret());
        } else if (a.contains("\"handshake\"")) {
            EphemeralKey client = keyPairs.get("client");
            EphemeralKey server = keyPairs.get("server");
            if (client == null || server == null) {
                throw new IllegalStateException("no key pairs of both sides before the handshake secret");
            }
            sharedSecret = client.agree(server.publicKey());
            checks.equal(where(s, "IKM") + " (client's agreement)", s.value("IKM").get(), sharedSecret);
            checks.equal(where(s, "IKM") + " (server's agreement)", s.value("IKM").get(),
                    server.agree(client.publicKey()));
            handshake = early.handshake(sharedSecret);
            checks.equal(where(s, "secret"), s.value("secret").get(), handshake.secret());
        } else if (a.contains("\"master\"")) {
            master = handshake.master();
            checks.equal(where(s, "secret"), s.value("secret").get(), master.secret());
        } else {
            checks.fail(s.toString(), "unknown secret");
        }
    }

    /** Derive-Secret(., "derived", "") is the salt of the next extraction; the stages compute it internally. */
    private void derivedSalt(Step s) {
        byte[] base = s.action().contains("for handshake") ? early.secret() : handshake.secret();
        checks.equal(where(s, "PRK"), s.value("PRK").get(), base);
        checks.equal(where(s, "hash"), s.value("hash").get(), hash.emptyHash());
        checks.equal(where(s, "expanded"), s.value("expanded").get(),
                Hkdf.deriveSecret(hash, base, "derived", hash.emptyHash()));
    }

    private void deriveSecret(Step s) {
        Matcher m = QUOTED_LABEL.matcher(s.action());
        if (!m.find()) {
            throw new IllegalArgumentException(s + ": no \"tls13 ...\" label");
        }
        String label = m.group(1);
        byte[] h = transcript.currentHash();
        checks.equal(where(s, "hash") + " (transcript hash of the messages so far)", s.value("hash").get(), h);
        byte[] out;
        byte[] base;
        switch (label) {
            case "c e traffic" -> { base = early.secret(); out = early.clientEarlyTrafficSecret(h); }
            case "e exp master" -> { base = early.secret(); out = early.earlyExporterMasterSecret(h); }
            case "c hs traffic" -> { base = handshake.secret(); out = handshake.clientHandshakeTrafficSecret(h); }
            case "s hs traffic" -> { base = handshake.secret(); out = handshake.serverHandshakeTrafficSecret(h); }
            case "c ap traffic" -> { base = master.secret(); out = master.clientApplicationTrafficSecret(h); }
            case "s ap traffic" -> { base = master.secret(); out = master.serverApplicationTrafficSecret(h); }
            case "exp master" -> { base = master.secret(); out = master.exporterMasterSecret(h); }
            case "res master" -> { base = master.secret(); out = master.resumptionMasterSecret(h); }
            default -> throw new IllegalArgumentException(s + ": unknown secret label " + label);
        }
        checks.equal(where(s, "PRK"), s.value("PRK").get(), base);
        checks.equal(where(s, "expanded"), s.value("expanded").get(), out);
        secrets.put(label, out);
    }

    /** Which traffic secret protects data of {@code phase} written by {@code writer}. */
    private byte[] trafficSecret(String writer, String phase) {
        String c = writer.equals("client") ? "c" : "s";
        return switch (phase) {
            case "early application data" -> secret("c e traffic");
            case "handshake data" -> secret(c + " hs traffic");
            case "application data" -> secret(c + " ap traffic");
            default -> throw new IllegalArgumentException("unknown traffic phase '" + phase + "'");
        };
    }

    private void trafficKeys(Step s, boolean write) {
        String phase = s.action().replaceFirst("^derive (write|read) traffic keys for ", "");
        String writer = write ? s.role() : other(s.role());
        byte[] secret = trafficSecret(writer, phase);
        if (write) {
            // A fresh pair per key change: one to open the file's record, one to re-seal its plaintext.
            protection.put(writer, new RecordProtection[] {RecordProtection.fromSecret(suite, secret),
                RecordProtection.fromSecret(suite, secret)});
        }
        if (s.values().isEmpty()) {
            return;
        }
        TrafficKeys keys = TrafficKeys.derive(suite, secret);
        checks.equal(where(s, "PRK"), s.value("PRK").get(), secret);
        checks.equal(where(s, "key expanded"), s.value("key expanded").get(), keys.key());
        checks.equal(where(s, "iv expanded"), s.value("iv expanded").get(), keys.iv());
    }

    private static String other(String role) {
        return role.equals("client") ? "server" : "client";
    }

    private void finished(Step s) {
        byte[] base = secret(s.role().equals("client") ? "c hs traffic" : "s hs traffic");
        checks.equal(where(s, "PRK"), s.value("PRK").get(), base);
        checks.equal(where(s, "expanded"), s.value("expanded").get(), KeySchedule.finishedKey(hash, base));
        byte[] vd = KeySchedule.verifyData(hash, base, transcript.currentHash());
        checks.equal(where(s, "finished"), s.value("finished").get(), vd);
        verifyData.put(s.role(), vd);
    }

    private void binder(Step s) {
        byte[] prefix = v(s, "ClientHello prefix");
        checks.check(where(s, "ClientHello prefix"), truncatedHello != null && Arrays.equals(prefix, truncatedHello),
                "is not the ClientHello built before it");
        byte[] binderHash = transcript.hashWith(hash, prefix);
        checks.equal(where(s, "binder hash"), s.value("binder hash").get(), binderHash);
        byte[] binderKey = early.binderKey(true);
        checks.equal(where(s, "PRK") + " (binder_key)", s.value("PRK").get(), binderKey);
        checks.equal(where(s, "expanded"), s.value("expanded").get(), KeySchedule.finishedKey(hash, binderKey));
        checks.equal(where(s, "finished"), s.value("finished").get(),
                KeySchedule.verifyData(hash, binderKey, binderHash));
    }

    private void message(Step s) throws TlsAlertException {
        String name = s.values().keySet().iterator().next();
        byte[] m = v(s, name);
        int declared = (m[1] & 0xff) << 16 | (m[2] & 0xff) << 8 | (m[3] & 0xff);
        if (declared != m.length - 4) {
            // RFC 8448 §4 shows the ClientHello before its binders; the record that follows has all of it.
            truncatedHello = m;
            return;
        }
        addMessage(s, name, m);
    }

    private void addMessage(Step s, String name, byte[] m) throws TlsAlertException {
        String where = where(s, name);
        HandshakeFrame frame = new HandshakeFrame(m[0] & 0xff, Arrays.copyOfRange(m, 4, m.length), m);
        HandshakeMessage decoded = frame.decode();
        checks.equal(where + " (decoded and re-encoded by the implementation's codec)", Bytes.of(m),
                decoded.encode());
        switch (name) {
            case "ServerHello" -> {
                if (HRR_RANDOM.contentEquals(Arrays.copyOfRange(m, 6, 38))) {
                    // RFC 8446 §4.4.1: ClientHello1 is replaced by message_hash before the HelloRetryRequest.
                    transcript.replaceWithMessageHash();
                }
            }
            case "Certificate" -> certificates.put(s.role(), firstCertificate(where, m));
            case "CertificateVerify" -> verifySignature(s, where, m);
            case "Finished" -> {
                byte[] vd = verifyData.get(s.role());
                checks.check(where, vd != null, "Finished with no calculated verify_data before it");
                if (vd != null) {
                    checks.equal(where + " (verify_data)", Bytes.of(Arrays.copyOfRange(m, 4, m.length)), vd);
                }
            }
            default -> { }
        }
        transcript.add(m);
        unsent.computeIfAbsent(s.role(), r -> new ByteArrayOutputStream()).writeBytes(m);
    }

    private static X509Certificate firstCertificate(String where, byte[] m) {
        // Certificate body: context<0..255>, certificate_list<0..2^24-1> of cert_data<1..2^24-1> + extensions.
        int at = 4 + 1 + (m[4] & 0xff) + 3;
        int len = (m[at] & 0xff) << 16 | (m[at + 1] & 0xff) << 8 | (m[at + 2] & 0xff);
        byte[] der = Arrays.copyOfRange(m, at + 3, at + 3 + len);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(where + ": first certificate does not parse: " + e.getMessage(), e);
        }
    }

    private void verifySignature(Step s, String where, byte[] m) {
        int code = (m[4] & 0xff) << 8 | (m[5] & 0xff);
        Optional<SignatureScheme> scheme = SignatureScheme.fromCode(code);
        X509Certificate cert = certificates.get(s.role());
        if (scheme.isEmpty() || cert == null) {
            checks.fail(where, "cannot verify: scheme 0x" + Integer.toHexString(code) + ", certificate "
                    + (cert == null ? "missing" : "present"));
            return;
        }
        byte[] signature = Arrays.copyOfRange(m, 8, m.length);
        byte[] content = Signatures.certificateVerifyContent(s.role().equals("server"), transcript.currentHash());
        PublicKey key = cert.getPublicKey();
        boolean ok = Signatures.verify(scheme.get(), Signatures.publicKey(key), content, signature);
        checks.check(where + " (" + scheme.get() + " signature)", ok,
                "signature does not verify with the certificate's key over the transcript hash");
        signaturesVerified += ok ? 1 : 0;
    }

    private void record(Step s, String type) throws TlsAlertException {
        byte[] record = v(s, "complete record");
        byte[] payload = v(s, "payload");
        Integer code = RECORD_TYPES.get(type);
        if (code == null) {
            throw new IllegalArgumentException(s + ": unknown record type " + type);
        }
        if (type.equals("handshake")) {
            if (truncatedHello != null && s.role().equals("client")) {
                byte[] full = payload;
                checks.check(where(s, "payload"), Arrays.equals(truncatedHello, Arrays.copyOf(full, truncatedHello.length)),
                        "does not start with the ClientHello built before it");
                truncatedHello = null;
                addMessage(s, "ClientHello", full);
            }
            ByteArrayOutputStream built = unsent.remove(s.role());
            byte[] messages = built == null ? new byte[0] : built.toByteArray();
            checks.equal(where(s, "payload") + " (the messages built before this record)", Bytes.of(payload),
                    messages);
        }
        if ((record[0] & 0xff) != 23) {
            byte[] header = {(byte) (int) code, record[1], record[2], (byte) (payload.length >> 8), (byte) payload.length};
            byte[] expected = concat(header, payload);
            checks.equal(where(s, "complete record") + " (plaintext record)", Bytes.of(record), expected);
            return;
        }
        RecordProtection[] p = protection.get(s.role());
        if (p == null) {
            checks.fail(where(s, "complete record"), "protected record before " + s.role() + " has write keys");
            return;
        }
        int padding = record.length - 5 - 16 - 1 - payload.length;
        byte[] sealed = p[1].protect(code, payload, 0, payload.length, Math.max(padding, 0));
        checks.equal(where(s, "complete record") + " (re-encrypted from the payload)", Bytes.of(record), sealed);
        try {
            RecordProtection.Inner inner = p[0].unprotect(Arrays.copyOfRange(record, 5, record.length));
            checks.check(where(s, "complete record") + " (inner content type)", inner.type() == code,
                    "decrypts to content type " + inner.type() + ", expected " + code);
            checks.equal(where(s, "payload") + " (decrypted from the record)", Bytes.of(payload), inner.content());
            recordsReplayed++;
        } catch (TlsAlertException e) {
            checks.fail(where(s, "complete record"), "does not decrypt under the derived keys: " + e.getMessage());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
