package tlsconf.impl;

import java.util.Optional;
import tlsconf.impl.crypto.HashAlgorithm;

/** The TLS 1.3 cipher suites (RFC 8446 §B.4): an AEAD and the hash of the key schedule. */
public enum CipherSuite {
    TLS_AES_128_GCM_SHA256(0x1301, HashAlgorithm.SHA256, 16),
    TLS_AES_256_GCM_SHA384(0x1302, HashAlgorithm.SHA384, 32),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, HashAlgorithm.SHA256, 32);

    private final int code;
    private final HashAlgorithm hash;
    private final int keyLength;

    CipherSuite(int code, HashAlgorithm hash, int keyLength) {
        this.code = code;
        this.hash = hash;
        this.keyLength = keyLength;
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
