package tlsconf.vectorrun;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.record.RecordProtection;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.LoadResult;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.VectorLoader;
import tlsconf.vectors.kind.Negative;
import tlsconf.vectors.kind.Transcript;
import tlsconf.vectors.kind.Transcript.Step;

/**
 * A {@code negative} vector: its base transcript is played by the deterministic reference client (which must pass
 * unmutated: the positive control) with one server message or record mutated, re-protected under the base's own
 * keys when it travels encrypted; the client must then raise one of the acceptable alerts. A mutated client
 * Finished goes to the deterministic reference server instead (see {@link #clientFinished}); other mutations of
 * what the client sends are skipped with the reason.
 */
final class NegativeReplay {
    private NegativeReplay() {
    }

    static Outcome run(VectorFile file, LoadResult context) {
        Negative n = (Negative) file.body();
        Optional<VectorFile> baseFile = context.files().stream().filter(f -> f.id().equals(n.base())).findFirst();
        if (baseFile.isEmpty()) {
            baseFile = VectorLoader.loadShipped().files().stream().filter(f -> f.id().equals(n.base())).findFirst();
        }
        if (baseFile.isEmpty() || !(baseFile.get().body() instanceof Transcript base)) {
            return Outcome.failed(file.id(), file.location(), "base transcript '" + n.base() + "' not found");
        }
        Step target = base.steps().get(n.mutation().step());
        if (target.role().equals("client") && target.action().equals("construct a Finished handshake message")
                && ReferenceServerReplay.applies(base)) {
            return clientFinished(file, n, base);
        }
        if (!target.role().equals("server") || !ReferenceClientReplay.applies(base)) {
            return Outcome.skipped(file.id(), file.location(), "mutations of " + target.role() + " messages on this "
                    + "base need a reference peer that accepts the RFC's other side; not replayed yet");
        }
        Outcome control = ReferenceClientReplay.run(baseFile.get());
        if (control.status() != Outcome.Status.PASSED) {
            return Outcome.failed(file.id(), file.location(), "the unmutated base does not replay: " + control.detail());
        }
        try {
            Map.Entry<Integer, byte[]> record = mutatedRecord(base, n.mutation());
            Optional<TlsAlertException> alert = ReferenceClientReplay.playMutated(base,
                    Map.of(record.getKey(), record.getValue()));
            if (alert.isEmpty()) {
                return Outcome.failed(file.id(), file.location(), "the reference client accepted the mutated "
                        + target + " (" + n.requirement() + ")");
            }
            String name = alert.get().description().rfcName();
            String what = "reference client sent " + name + " (" + alert.get().getMessage() + "); unmutated base passes";
            return n.acceptableAlerts().contains(name) ? Outcome.passed(file.id(), file.location(), what)
                    : Outcome.failed(file.id(), file.location(), what + "; acceptable: " + n.acceptableAlerts());
        } catch (TlsAlertException | RuntimeException e) {
            return Outcome.failed(file.id(), file.location(), "replay stopped: " + e);
        }
    }

    /**
     * A mutated client Finished against the deterministic reference server. The server's CertificateVerify differs
     * from the RFC's (random salt), so the RFC's own client Finished cannot fit: the Finished that fits our
     * server's flight is built from the RFC's client handshake secret, must be accepted unmutated (positive
     * control), and is then mutated at the vector's offset.
     */
    private static Outcome clientFinished(VectorFile file, Negative n, Transcript base) {
        try {
            Optional<TlsAlertException> control = ReferenceServerReplay.feedClientFinished(base, 0, new byte[0]);
            if (control.isPresent()) {
                return Outcome.failed(file.id(), file.location(), "the unmutated client Finished was rejected: "
                        + control.get().getMessage());
            }
            Optional<TlsAlertException> alert = ReferenceServerReplay.feedClientFinished(base, n.mutation().offset(),
                    n.mutation().xor().toByteArray());
            if (alert.isEmpty()) {
                return Outcome.failed(file.id(), file.location(), "the reference server accepted the mutated client "
                        + "Finished (" + n.requirement() + ")");
            }
            String name = alert.get().description().rfcName();
            String what = "reference server sent " + name + " (" + alert.get().getMessage()
                    + "); unmutated Finished accepted";
            return n.acceptableAlerts().contains(name) ? Outcome.passed(file.id(), file.location(), what)
                    : Outcome.failed(file.id(), file.location(), what + "; acceptable: " + n.acceptableAlerts());
        } catch (TlsAlertException | java.security.GeneralSecurityException | RuntimeException e) {
            return Outcome.failed(file.id(), file.location(), "replay stopped: " + e);
        }
    }

    /** The server record carrying the mutated value, as it would appear on the wire. */
    private static Map.Entry<Integer, byte[]> mutatedRecord(Transcript base, Negative.Mutation m)
            throws TlsAlertException {
        Step target = base.steps().get(m.step());
        byte[] original = target.value(m.label()).orElseThrow().toByteArray();
        byte[] mutated = original.clone();
        byte[] xor = m.xor().toByteArray();
        for (int i = 0; i < xor.length; i++) {
            mutated[m.offset() + i] ^= xor[i];
        }
        if (m.label().equals("complete record")) {
            return Map.entry(target.index(), mutated);
        }
        // A message or a record payload: find the record that carries it and rebuild that record.
        Step carrier = target;
        if (!target.action().startsWith("send ")) {
            carrier = base.steps().stream().filter(s -> s.index() > target.index() && s.role().equals(target.role())
                    && s.action().equals("send handshake record")).findFirst().orElseThrow();
        }
        byte[] payload = carrier.value("payload").orElseThrow().toByteArray();
        int at = m.label().equals("payload") ? 0 : indexOf(payload, original);
        if (at < 0) {
            throw new IllegalArgumentException(target + " is not inside the payload of " + carrier);
        }
        byte[] newPayload = payload.clone();
        System.arraycopy(mutated, 0, newPayload, at, mutated.length);
        byte[] record = carrier.value("complete record").orElseThrow().toByteArray();
        if (record[0] != 0x17) {
            byte[] out = Arrays.copyOf(record, record.length);
            System.arraycopy(newPayload, 0, out, 5, newPayload.length);
            return Map.entry(carrier.index(), out);
        }
        return Map.entry(carrier.index(), reprotect(base, carrier, newPayload));
    }

    /** Seals {@code payload} as the base's record {@code carrier} was sealed: same keys, same sequence number. */
    private static byte[] reprotect(Transcript base, Step carrier, byte[] payload) throws TlsAlertException {
        CipherSuite suite = CipherSuite.valueOf(base.cipherSuite());
        String role = carrier.role();
        String phase = null;
        int sequence = 0;
        for (Step s : base.steps()) {
            if (s.index() == carrier.index()) {
                break;
            }
            if (s.role().equals(role) && s.action().startsWith("derive write traffic keys for ")) {
                phase = s.action().substring("derive write traffic keys for ".length());
                sequence = 0;
            } else if (s.role().equals(role) && s.value("complete record").map(r -> r.get(0) == 0x17).orElse(false)) {
                sequence++;
            }
        }
        String c = role.equals("client") ? "c" : "s";
        String label = phase == null ? null : switch (phase) {
            case "handshake data" -> c + " hs traffic";
            case "application data" -> c + " ap traffic";
            case "early application data" -> "e traffic";
            default -> null;
        };
        if (label == null) {
            throw new IllegalArgumentException(carrier + ": no write keys before it");
        }
        Bytes secret = null;
        for (Step s : base.steps()) {
            if (s.action().equals("derive secret \"tls13 " + (label.equals("e traffic") ? "c e traffic" : label) + "\"")
                    && s.value("expanded").isPresent()) {
                secret = s.value("expanded").get();
            }
        }
        if (secret == null) {
            throw new IllegalArgumentException("base has no " + label + " secret");
        }
        RecordProtection p = RecordProtection.fromSecret(suite, secret.toByteArray());
        for (int i = 0; i < sequence; i++) {
            p.protect(23, new byte[0], 0, 0, 0);
        }
        return p.protect(carrier.action().contains("alert") ? 21 : carrier.action().contains("application") ? 23 : 22,
                payload, 0, payload.length, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
