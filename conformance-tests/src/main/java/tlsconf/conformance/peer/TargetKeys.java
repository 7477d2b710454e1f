package tlsconf.conformance.peer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.impl.crypto.Hkdf;
import tlsconf.impl.message.ServerHello;
import tlsconf.impl.record.RecordProtection;
import tlsconf.impl.seam.ExchangeSecret;
import tlsconf.impl.tls12.KeyBlock;
import tlsconf.impl.tls12.Prf;
import tlsconf.impl.tls12.Tls12Protection;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * The keys the target would use under the transcript it saw rather than ours. The peer's engine keeps each message as
 * it produced it, so after a fault changed, repeated or dropped one on the wire, the target derives its keys from
 * other bytes (TLS 1.3 handshake and application traffic secrets hash the transcript, RFC 8446 §7.1; TLS 1.2's
 * extended master secret hashes the session, RFC 7627 §4). Given the key exchange's secret from the implementation's
 * seam ({@link ExchangeSecret}) and the handshake messages as they went over the wire both ways, this tries each
 * prefix of that wire transcript as the target's and opens a record with the keys it gives. Kept in memory only.
 *
 * <p>The transcript follows the RFCs where it is not simply the messages on the wire: a TLS 1.2 HelloRequest stays
 * out of it (RFC 5246 §7.4.1.1), and after a HelloRetryRequest what came before it (ClientHello1) is hashed into one
 * synthetic message_hash message (RFC 8446 §4.4.1).
 */
final class TargetKeys {
    /** How many records a target may have sent under one key before the one we try to open. */
    private static final int MAX_SEQUENCE = 8;
    /** Prefixes tried: a handshake has at most this many messages before the keys in question. */
    private static final int MAX_MESSAGES = 24;

    /** The handshake messages (header included) in wire order, ours as sent after the faults and the target's. */
    private final List<byte[]> wire = new ArrayList<>();
    private ExchangeSecret secret;
    /**
     * The last record tried and what it opened as (or null), while the messages and the secret stay the same: a
     * refused record is asked about twice.
     */
    private byte[] lastRecord;
    private Opened lastOpened;

    void sent(byte[] message) {
        add(message);
    }

    void received(byte[] message) {
        add(message);
    }

    private void add(byte[] message) {
        // RFC 5246 §7.4.1.1: HelloRequest "MUST NOT be included in the message hashes" (nor in the session hash).
        if (wire.size() < MAX_MESSAGES && message.length >= 4
                && (message[0] & 0xff) != HandshakeType.HELLO_REQUEST.code()) {
            wire.add(message.clone());
            lastRecord = null;
        }
    }

    void exchange(ExchangeSecret s) {
        secret = s;
        lastRecord = null;
    }

    /** A record opened under keys of the target's transcript: its content, and how the keys were found. */
    record Opened(int type, byte[] content, String how) {
    }

    /** {@code record} (header included) opened under the keys of some prefix of the wire transcript, or null. */
    Opened open(byte[] record) {
        if (Arrays.equals(record, lastRecord)) {
            // Read as an alert first, then as evidence that the target went on: tried once.
            return lastOpened;
        }
        Opened opened = null;
        if (secret instanceof ExchangeSecret.Tls13 s && (record[0] & 0xff) == ContentType.APPLICATION_DATA.code()) {
            opened = open13(s, Arrays.copyOfRange(record, Records.HEADER, record.length));
        } else if (secret instanceof ExchangeSecret.Tls12 s) {
            opened = open12(s, record[0] & 0xff, Arrays.copyOfRange(record, Records.HEADER, record.length));
        }
        lastRecord = record.clone();
        lastOpened = opened;
        return opened;
    }

    /** TLS 1.3: handshake traffic secrets of every prefix, and application traffic secrets of every prefix. */
    private Opened open13(ExchangeSecret.Tls13 s, byte[] fragment) {
        HashAlgorithm hash = s.suite().hash();
        Hkdf.Keyed handshake = Hkdf.keyed(hash, s.handshakeSecret());
        byte[] salt = handshake.deriveSecret("derived", hash.emptyHash());
        Hkdf.Keyed master = Hkdf.keyed(hash, Hkdf.extract(hash, salt, new byte[hash.length()]));
        for (int n = 2; n <= wire.size(); n++) {
            byte[] th = hash.hash(transcript13(n, hash));
            String[][] labels = {{"s hs traffic", "c hs traffic"}, {"s ap traffic", "c ap traffic"}};
            for (int stage = 0; stage < 2; stage++) {
                Hkdf.Keyed prk = stage == 0 ? handshake : master;
                for (String label : labels[stage]) {
                    Opened o = tryTls13(s, prk.deriveSecret(label, th), fragment, label, n);
                    if (o != null) {
                        return o;
                    }
                }
            }
        }
        return null;
    }

    private Opened tryTls13(ExchangeSecret.Tls13 s, byte[] trafficSecret, byte[] fragment, String label, int n) {
        for (int sequence = 0; sequence < MAX_SEQUENCE; sequence++) {
            try {
                RecordProtection.Inner inner = Sequences.tls13(s.suite(), trafficSecret, sequence)
                        .tryUnprotect(fragment);
                if (inner != null) {
                    return new Opened(inner.type(), inner.content(), "'" + label + "' secret of the transcript "
                            + describe(n) + ", record " + sequence);
                }
            } catch (TlsAlertException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * TLS 1.2: the master secret of every session hash (extended master secret) and of the randoms, with the randoms
     * of the first ClientHello and ServerHello on the wire; each gives both directions' keys.
     */
    private Opened open12(ExchangeSecret.Tls12 s, int type, byte[] fragment) {
        byte[] clientRandom = random(HandshakeType.CLIENT_HELLO);
        byte[] serverRandom = random(HandshakeType.SERVER_HELLO);
        if (clientRandom == null || serverRandom == null) {
            return null;
        }
        HashAlgorithm hash = s.suite().hash();
        List<byte[]> masters = new ArrayList<>();
        List<String> names = new ArrayList<>();
        masters.add(Prf.masterSecret(hash, s.premasterSecret(), clientRandom, serverRandom));
        names.add("master secret of the randoms");
        for (int n = 2; n <= wire.size(); n++) {
            masters.add(Prf.extendedMasterSecret(hash, s.premasterSecret(), hash.hash(concat(n))));
            names.add("extended master secret of the session hash over " + describe(n));
        }
        for (int m = 0; m < masters.size(); m++) {
            KeyBlock keys = KeyBlock.derive(s.suite(), masters.get(m), clientRandom, serverRandom);
            for (int side = 0; side < 2; side++) {
                for (int sequence = 0; sequence < MAX_SEQUENCE; sequence++) {
                    try {
                        Tls12Protection p = Sequences.tls12(side == 0 ? keys.serverWrite(s.suite())
                                : keys.clientWrite(s.suite()), sequence);
                        byte[] content = p.unprotect(type, fragment);
                        return new Opened(type, content, (side == 0 ? "server" : "client") + " write key of the "
                                + names.get(m) + ", record " + sequence);
                    } catch (TlsAlertException e) {
                        // not these keys, or not this sequence number
                    }
                }
            }
        }
        return null;
    }

    /** The 32-byte random of the first message of {@code type} on the wire (after type, length, version). */
    private byte[] random(HandshakeType type) {
        for (byte[] m : wire) {
            if ((m[0] & 0xff) == type.code() && m.length >= 4 + 2 + 32) {
                return Arrays.copyOfRange(m, 6, 38);
            }
        }
        return null;
    }

    private byte[] concat(int n) {
        return concat(0, n);
    }

    private byte[] concat(int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            out.writeBytes(wire.get(i));
        }
        return out.toByteArray();
    }

    /**
     * The TLS 1.3 transcript of the first {@code n} messages: after a HelloRetryRequest, the messages before it
     * (ClientHello1) become message_hash = handshake type 254, length Hash.length, Hash(ClientHello1) (RFC 8446
     * §4.4.1).
     */
    private byte[] transcript13(int n, HashAlgorithm hash) {
        int hrr = helloRetryRequest(n);
        if (hrr < 0) {
            return concat(n);
        }
        byte[] digest = hash.hash(concat(0, hrr));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(HandshakeType.MESSAGE_HASH.code());
        out.write(0);
        out.write(0);
        out.write(digest.length);
        out.writeBytes(digest);
        out.writeBytes(concat(hrr, n));
        return out.toByteArray();
    }

    /** The index of the first HelloRetryRequest (a ServerHello with its special random) after index 0, or -1. */
    private int helloRetryRequest(int n) {
        for (int i = 1; i < n; i++) {
            byte[] m = wire.get(i);
            if ((m[0] & 0xff) == HandshakeType.SERVER_HELLO.code() && m.length >= 38
                    && Arrays.equals(Arrays.copyOfRange(m, 6, 38), ServerHello.HRR_RANDOM)) {
                return i;
            }
        }
        return -1;
    }

    private String describe(int n) {
        int hrr = secret instanceof ExchangeSecret.Tls13 ? helloRetryRequest(n) : -1;
        List<String> names = new ArrayList<>();
        if (hrr > 0) {
            names.add(HandshakeType.MESSAGE_HASH.rfcName());
        }
        for (int i = Math.max(hrr, 0); i < n; i++) {
            byte[] m = wire.get(i);
            names.add(i == hrr ? "HelloRetryRequest"
                    : HandshakeType.fromCode(m[0] & 0xff).map(HandshakeType::rfcName).orElse("type " + m[0]));
        }
        return names.stream().collect(Collectors.joining(", ", "(", ")"));
    }
}
