package tlsconf.conformance.peer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import tlsconf.impl.CipherSuite;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.record.RecordProtection;
import tlsconf.model.vocabulary.Role;

/**
 * The peer's own TLS 1.3 traffic secrets, kept in memory from its key log (never written unless --keylog asks): to
 * seal records the engine will not send (a protected change_cipher_spec) and to open a record of the target's that
 * the engine refused because it reads under other keys at that moment (RFC 8446 §7.3 keys, one suite:
 * TLS_AES_128_GCM_SHA256); and, through {@link TargetKeys}, the keys the target derived from the transcript it saw.
 */
final class PeerSecrets {
    /** How many records a target may have sent under one secret before the one we try to open. */
    private static final int MAX_SEQUENCE = 8;
    private static final CipherSuite SUITE = CipherSuite.TLS_AES_128_GCM_SHA256;

    private final Map<String, byte[]> secrets = new LinkedHashMap<>();
    private final TargetKeys target = new TargetKeys();

    void put(String label, byte[] secret) {
        if (label.endsWith("_TRAFFIC_SECRET") || label.endsWith("_TRAFFIC_SECRET_0")) {
            secrets.put(label, secret.clone());
        }
    }

    /** The handshake messages on the wire, from which the target's keys may differ from ours. */
    TargetKeys wire() {
        return target;
    }

    /** The key exchange's secret from the implementation's seam: the root of the target's keys as well. */
    void exchange(tlsconf.impl.seam.ExchangeSecret secret) {
        target.exchange(secret);
    }

    /** The handshake traffic secret {@code writer} protects its records with, or null before it exists. */
    byte[] handshake(Role writer) {
        return secrets.get(writer == Role.CLIENT ? "CLIENT_HANDSHAKE_TRAFFIC_SECRET"
                : "SERVER_HANDSHAKE_TRAFFIC_SECRET");
    }

    /** A whole protected record of {@code type} under {@code secret} at sequence number {@code sequence}. */
    static byte[] seal(byte[] secret, int sequence, int type, byte[] content) throws TlsAlertException {
        return Sequences.tls13(SUITE, secret, sequence).protect(type, content, 0, content.length, 0);
    }

    /** What a TLS 1.3 protected record (header included) holds, opened with any secret we know; null if none fits. */
    Opened open(byte[] record) {
        byte[] fragment = Arrays.copyOfRange(record, Records.HEADER, record.length);
        for (Map.Entry<String, byte[]> e : secrets.entrySet()) {
            for (int sequence = 0; sequence < MAX_SEQUENCE; sequence++) {
                try {
                    RecordProtection.Inner inner = Sequences.tls13(SUITE, e.getValue(), sequence)
                            .tryUnprotect(fragment);
                    if (inner != null) {
                        return new Opened(inner.type(), inner.content(), e.getKey(), sequence);
                    }
                } catch (TlsAlertException | RuntimeException ex) {
                    break;
                }
            }
        }
        return null;
    }

    /** A record opened with the secret of {@code label} at {@code sequence}. */
    record Opened(int type, byte[] content, String label, int sequence) {
    }
}
