package tlsconf.impl.tls12;

import java.util.Optional;
import tlsconf.impl.crypto.HashAlgorithm;

/**
 * The TLS 1.2 cipher suites we implement: AEAD only (RFC 5288 AES-GCM, RFC 7905 ChaCha20-Poly1305), ECDHE (RFC 8422)
 * or RSA key transport (RFC 5246 §7.4.7.1). The hash is the PRF hash (RFC 5246 §5, RFC 5288 §3).
 */
public enum Tls12CipherSuite {
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xC02B, KeyExchange.ECDHE_ECDSA, HashAlgorithm.SHA256, 16, false),
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xC02F, KeyExchange.ECDHE_RSA, HashAlgorithm.SHA256, 16, false),
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xC02C, KeyExchange.ECDHE_ECDSA, HashAlgorithm.SHA384, 32, false),
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xC030, KeyExchange.ECDHE_RSA, HashAlgorithm.SHA384, 32, false),
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA9, KeyExchange.ECDHE_ECDSA, HashAlgorithm.SHA256, 32, true),
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA8, KeyExchange.ECDHE_RSA, HashAlgorithm.SHA256, 32, true),
    TLS_RSA_WITH_AES_128_GCM_SHA256(0x009C, KeyExchange.RSA, HashAlgorithm.SHA256, 16, false);

    /** How the premaster secret is agreed and who signs what. */
    public enum KeyExchange {
        /** Ephemeral ECDH, ServerKeyExchange signed with an ECDSA (or EdDSA, RFC 8422 §5.1.1) key. */
        ECDHE_ECDSA,
        /** Ephemeral ECDH, ServerKeyExchange signed with an RSA key. */
        ECDHE_RSA,
        /** The client encrypts the premaster secret to the server's RSA key; no ServerKeyExchange. */
        RSA;

        public boolean ephemeral() {
            return this != RSA;
        }

        /** Whether the server's certificate key must be RSA (else EC or EdDSA). */
        public boolean rsaCertificate() {
            return this != ECDHE_ECDSA;
        }
    }

    /** The signalling suite value of RFC 5746 §3.3, offered instead of or beside renegotiation_info. */
    public static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00FF;

    private final int code;
    private final KeyExchange keyExchange;
    private final HashAlgorithm hash;
    private final int keyLength;
    private final boolean chacha;

    Tls12CipherSuite(int code, KeyExchange keyExchange, HashAlgorithm hash, int keyLength, boolean chacha) {
        this.code = code;
        this.keyExchange = keyExchange;
        this.hash = hash;
        this.keyLength = keyLength;
        this.chacha = chacha;
    }

    public int code() {
        return code;
    }

    public KeyExchange keyExchange() {
        return keyExchange;
    }

    /** The PRF hash (and the Finished/EMS transcript hash). */
    public HashAlgorithm hash() {
        return hash;
    }

    public int keyLength() {
        return keyLength;
    }

    public boolean isChaCha() {
        return chacha;
    }

    /**
     * Length of the write IV taken from the key block: the 4-byte implicit salt of AES-GCM (RFC 5288 §3) or the
     * whole 12-byte nonce mask of ChaCha20-Poly1305 (RFC 7905 §2).
     */
    public int fixedIvLength() {
        return chacha ? 12 : 4;
    }

    /** Bytes of explicit nonce carried in each record: 8 for AES-GCM, none for ChaCha20-Poly1305. */
    public int explicitNonceLength() {
        return chacha ? 0 : 8;
    }

    public static Optional<Tls12CipherSuite> fromCode(int code) {
        for (Tls12CipherSuite s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
