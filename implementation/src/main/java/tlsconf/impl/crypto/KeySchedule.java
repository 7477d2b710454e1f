package tlsconf.impl.crypto;

/**
 * The TLS 1.3 key schedule of RFC 8446 §7.1 as three immutable stages: {@link Early} (from the PSK),
 * {@link Handshake} (adds the (EC)DHE secret) and {@link Master}. Each secret is a method taking the transcript hash
 * it depends on, so the schedule can be replayed on its own (RFC 8448 vectors). Each stage keys its HMAC once
 * ({@link Hkdf.Keyed}) for the several secrets it derives.
 */
public final class KeySchedule {
    private KeySchedule() {
    }

    /** Early Secret = HKDF-Extract(0, PSK); {@code psk == null} means no PSK (Hash.length zeros). */
    public static Early early(HashAlgorithm hash, byte[] psk) {
        byte[] ikm = psk == null ? new byte[hash.length()] : psk;
        return Early.of(hash, Hkdf.extract(hash, null, ikm));
    }

    /** The first stage. */
    public record Early(HashAlgorithm hash, byte[] secret, Hkdf.Keyed prk) {
        static Early of(HashAlgorithm hash, byte[] secret) {
            return new Early(hash, secret, Hkdf.keyed(hash, secret));
        }

        /** binder_key: "res binder" for resumption PSKs, "ext binder" for external ones. */
        public byte[] binderKey(boolean resumption) {
            return prk.deriveSecret(resumption ? "res binder" : "ext binder", hash.emptyHash());
        }

        public byte[] clientEarlyTrafficSecret(byte[] clientHelloHash) {
            return prk.deriveSecret("c e traffic", clientHelloHash);
        }

        public byte[] earlyExporterMasterSecret(byte[] clientHelloHash) {
            return prk.deriveSecret("e exp master", clientHelloHash);
        }

        /** Handshake Secret = HKDF-Extract(Derive-Secret(early, "derived", ""), (EC)DHE); null: psk_ke (zeros). */
        public Handshake handshake(byte[] sharedSecret) {
            byte[] salt = prk.deriveSecret("derived", hash.emptyHash());
            byte[] ikm = sharedSecret == null ? new byte[hash.length()] : sharedSecret;
            return Handshake.of(hash, Hkdf.extract(hash, salt, ikm));
        }
    }

    /** The second stage. */
    public record Handshake(HashAlgorithm hash, byte[] secret, Hkdf.Keyed prk) {
        static Handshake of(HashAlgorithm hash, byte[] secret) {
            return new Handshake(hash, secret, Hkdf.keyed(hash, secret));
        }

        public byte[] clientHandshakeTrafficSecret(byte[] helloHash) {
            return prk.deriveSecret("c hs traffic", helloHash);
        }

        public byte[] serverHandshakeTrafficSecret(byte[] helloHash) {
            return prk.deriveSecret("s hs traffic", helloHash);
        }

        /** Master Secret = HKDF-Extract(Derive-Secret(hs, "derived", ""), 0). */
        public Master master() {
            byte[] salt = prk.deriveSecret("derived", hash.emptyHash());
            return Master.of(hash, Hkdf.extract(hash, salt, new byte[hash.length()]));
        }
    }

    /** The third stage. */
    public record Master(HashAlgorithm hash, byte[] secret, Hkdf.Keyed prk) {
        static Master of(HashAlgorithm hash, byte[] secret) {
            return new Master(hash, secret, Hkdf.keyed(hash, secret));
        }

        /** Given Transcript-Hash(ClientHello..server Finished). */
        public byte[] clientApplicationTrafficSecret(byte[] serverFinishedHash) {
            return prk.deriveSecret("c ap traffic", serverFinishedHash);
        }

        public byte[] serverApplicationTrafficSecret(byte[] serverFinishedHash) {
            return prk.deriveSecret("s ap traffic", serverFinishedHash);
        }

        public byte[] exporterMasterSecret(byte[] serverFinishedHash) {
            return prk.deriveSecret("exp master", serverFinishedHash);
        }

        /** Given Transcript-Hash(ClientHello..client Finished). */
        public byte[] resumptionMasterSecret(byte[] clientFinishedHash) {
            return prk.deriveSecret("res master", clientFinishedHash);
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
