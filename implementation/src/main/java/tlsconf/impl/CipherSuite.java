package tlsconf.impl;

import java.util.List;
import java.util.Optional;
import tlsconf.impl.crypto.HashAlgorithm;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The cipher suites: TLS 1.3's (RFC 8446 §B.4: an AEAD and the key schedule hash) and the TLS 1.2 AEAD suites of
 * {@link tlsconf.impl.tls12.Tls12CipherSuite} (hash = PRF hash). Each belongs to one version ({@link #version()}).
 */
public enum CipherSuite {
    TLS_AES_128_GCM_SHA256(0x1301, HashAlgorithm.SHA256, 16, TlsVersion.TLS_1_3),
    TLS_AES_256_GCM_SHA384(0x1302, HashAlgorithm.SHA384, 32, TlsVersion.TLS_1_3),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, HashAlgorithm.SHA256, 32, TlsVersion.TLS_1_3),
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xC02B, HashAlgorithm.SHA256, 16, TlsVersion.TLS_1_2),
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xC02F, HashAlgorithm.SHA256, 16, TlsVersion.TLS_1_2),
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xC02C, HashAlgorithm.SHA384, 32, TlsVersion.TLS_1_2),
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xC030, HashAlgorithm.SHA384, 32, TlsVersion.TLS_1_2),
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA9, HashAlgorithm.SHA256, 32, TlsVersion.TLS_1_2),
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA8, HashAlgorithm.SHA256, 32, TlsVersion.TLS_1_2),
    TLS_RSA_WITH_AES_128_GCM_SHA256(0x009C, HashAlgorithm.SHA256, 16, TlsVersion.TLS_1_2);

    private final int code;
    private final HashAlgorithm hash;
    private final int keyLength;
    private final TlsVersion version;

    CipherSuite(int code, HashAlgorithm hash, int keyLength, TlsVersion version) {
        this.code = code;
        this.hash = hash;
        this.keyLength = keyLength;
        this.version = version;
    }

    /** The protocol version this suite belongs to (a TLS 1.2 suite is never used in TLS 1.3 and back). */
    public TlsVersion version() {
        return version;
    }

    public boolean isTls13() {
        return version == TlsVersion.TLS_1_3;
    }

    /** The TLS 1.3 suites, in preference order. */
    public static List<CipherSuite> tls13() {
        return List.of(TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256);
    }

    public int code() {
        return code;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    /** AEAD key length in bytes; every TLS 1.3 AEAD here has a 12-byte IV and a 16-byte tag. */
    public int keyLength() {
        return keyLength;
    }

    public boolean isChaCha() {
        return this == TLS_CHACHA20_POLY1305_SHA256;
    }

    public static Optional<CipherSuite> fromCode(int code) {
        for (CipherSuite s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
