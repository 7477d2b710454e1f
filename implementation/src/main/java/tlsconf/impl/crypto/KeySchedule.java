package tlsconf.impl.crypto;

/**
 * The TLS 1.3 key schedule of RFC 8446 §7.1 as three immutable stages: {@link Early} (from the PSK),
 * {@link Handshake} (adds the (EC)DHE secret) and {@link Master}. Each secret is a method taking the transcript hash
 * it depends on, so the schedule can be replayed on its own (RFC 8448 vectors).
 */
public final class KeySchedule {
    private KeySchedule() {
    }

    /** Early Secret = HKDF-Extract(0, PSK); {@code psk == null} means no PSK (Hash.length zeros). */
    public static Early early(HashAlgorithm hash, byte[] psk) {
        byte[] ikm = psk == null ? new byte[hash.length()] : psk;
        return new Early(hash, Hkdf.extract(hash, null, ikm));
    }

    /** The first stage. */
    public record Early(HashAlgorithm hash, byte[] secret) {
        /** binder_key: "res binder" for resumption PSKs, "ext binder" for external ones. */
        public byte[] binderKey(boolean resumption) {
            return Hkdf.deriveSecret(hash, secret, resumption ? "res binder" : "ext binder", hash.emptyHash());
        }

        public byte[] clientEarlyTrafficSecret(byte[] clientHelloHash) {
            return Hkdf.deriveSecret(hash, secret, "c e traffic", clientHelloHash);
        }

        public byte[] earlyExporterMasterSecret(byte[] clientHelloHash) {
            return Hkdf.deriveSecret(hash, secret, "e exp master", clientHelloHash);
        }

        /** Handshake Secret = HKDF-Extract(Derive-Secret(early, "derived", ""), (EC)DHE); null: psk_ke (zeros). */
        public Handshake handshake(byte[] sharedSecret) {
            byte[] salt = Hkdf.deriveSecret(hash, secret, "derived", hash.emptyHash());
            byte[] ikm = sharedSecret == null ? new byte[hash.length()] : sharedSecret;
            return new Handshake(hash, Hkdf.extract(hash, salt, ikm));
        }
    }

    /** The second stage. */
    public record Handshake(HashAlgorithm hash, byte[] secret) {
        public byte[] clientHandshakeTrafficSecret(byte[] helloHash) {
            return Hkdf.deriveSecret(hash, secret, "c hs traffic", helloHash);
        }

        public byte[] serverHandshakeTrafficSecret(byte[] helloHash) {
            return Hkdf.deriveSecret(hash, secret, "s hs traffic", helloHash);
        }

        /** Master Secret = HKDF-Extract(Derive-Secret(hs, "derived", ""), 0). */
        public Master master() {
            byte[] salt = Hkdf.deriveSecret(hash, secret, "derived", hash.emptyHash());
            return new Master(hash, Hkdf.extract(hash, salt, new byte[hash.length()]));
        }
    }

    /** The third stage. */
    public record Master(HashAlgorithm hash, byte[] secret) {
        /** Given Transcript-Hash(ClientHello..server Finished). */
        public byte[] clientApplicationTrafficSecret(byte[] serverFinishedHash) {
            return Hkdf.deriveSecret(hash, secret, "c ap traffic", serverFinishedHash);
        }

        public byte[] serverApplicationTrafficSecret(byte[] serverFinishedHash) {
            return Hkdf.deriveSecret(hash, secret, "s ap traffic", serverFinishedHash);
        }

        public byte[] exporterMasterSecret(byte[] serverFinishedHash) {
            return Hkdf.deriveSecret(hash, secret, "exp master", serverFinishedHash);
        }

        /** Given Transcript-Hash(ClientHello..client Finished). */
        public byte[] resumptionMasterSecret(byte[] clientFinishedHash) {
            return Hkdf.deriveSecret(hash, secret, "res master", clientFinishedHash);
        }
    }

    /** application_traffic_secret_N+1 (RFC 8446 §7.2). */
    public static byte[] nextTrafficSecret(HashAlgorithm hash, byte[] secret) {
        return Hkdf.expandLabel(hash, secret, "traffic upd", new byte[0], hash.length());
    }

    /** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length) (RFC 8446 §4.4.4). */
    public static byte[] finishedKey(HashAlgorithm hash, byte[] baseKey) {
        return Hkdf.expandLabel(hash, baseKey, "finished", new byte[0], hash.length());
    }

    /** verify_data = HMAC(finished_key, Transcript-Hash(...)) (RFC 8446 §4.4.4); also the PSK binder (§4.2.11.2). */
    public static byte[] verifyData(HashAlgorithm hash, byte[] baseKey, byte[] transcriptHash) {
        return Hkdf.hmac(hash, finishedKey(hash, baseKey), transcriptHash);
    }

    /** The PSK of a ticket: HKDF-Expand-Label(resumption_master_secret, "resumption", nonce, Hash.length) (§4.6.1). */
    public static byte[] resumptionPsk(HashAlgorithm hash, byte[] resumptionMasterSecret, byte[] ticketNonce) {
        return Hkdf.expandLabel(hash, resumptionMasterSecret, "resumption", ticketNonce, hash.length());
    }
}
