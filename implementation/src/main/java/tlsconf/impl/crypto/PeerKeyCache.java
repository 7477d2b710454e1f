package tlsconf.impl.crypto;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Peers' public keys as parsed for {@link Signatures#verify}, kept by their exact SubjectPublicKeyInfo bytes, so a
 * client that meets the same server certificate again verifies with the key object it parsed before.
 *
 * <p>Why: parsing is deterministic, so for identical bytes the parsed key is identical; what the second handshake
 * saves is the ASN.1 parse, the point decoding and, mostly, Bouncy Castle's multiplication tables, which it keeps on
 * the point object (after a few uses it switches that point to fixed-point multiplication, which makes an ECDSA
 * P-256 verify about twice as fast). Production stacks keep parsed certificates the same way: Go's crypto/tls
 * shares parsed certificates between client connections by their DER bytes (Go 1.20, crypto/tls cache.go), and the
 * JDK's X509Factory hands back the same certificate object (so the same PublicKey object) for the same encoding.
 *
 * <p>What it does not skip: every signature is still verified, over the message of this handshake (the
 * CertificateVerify over this transcript, the TLS 1.2 ServerKeyExchange over these randoms). The certificate chain is
 * still validated for each handshake by the peer verifier before the key is used. A key that fails to parse is not
 * cached. Bounded ({@value #CAPACITY} keys, least recently used evicted), thread-safe. Switched off with
 * {@code TlsConfig.Builder#peerKeyCache(false)}: then every key is parsed afresh.
 */
public final class PeerKeyCache {
    public static final int CAPACITY = 64;

    private final boolean enabled;
    private final Map<ByteBuffer, AsymmetricKeyParameter> keys = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, AsymmetricKeyParameter> eldest) {
            return size() > CAPACITY;
        }
    };
    private final AtomicLong parsed = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();

    private PeerKeyCache(boolean enabled) {
        this.enabled = enabled;
    }

    /** A cache; {@code enabled == false}: one that parses every key afresh and keeps nothing. */
    public static PeerKeyCache create(boolean enabled) {
        return new PeerKeyCache(enabled);
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The lightweight form of {@code key}: the one parsed earlier from the same encoding, or a new parse. An
     * unsupported or malformed key is an {@link IllegalArgumentException}, as from {@link Signatures#publicKey}.
     */
    public AsymmetricKeyParameter publicKey(PublicKey key) {
        if (!enabled) {
            parsed.incrementAndGet();
            return Signatures.publicKey(key);
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("public key " + key.getAlgorithm() + " has no encoding");
        }
        ByteBuffer id = ByteBuffer.wrap(encoded);
        synchronized (keys) {
            AsymmetricKeyParameter k = keys.get(id);
            if (k != null) {
                reused.incrementAndGet();
                return k;
            }
        }
        AsymmetricKeyParameter k = Signatures.publicKey(key);
        parsed.incrementAndGet();
        synchronized (keys) {
            keys.putIfAbsent(id, k);
        }
        return k;
    }

    /** Keys parsed so far (each miss, or each call when disabled). */
    public long parsedCount() {
        return parsed.get();
    }

    /** Keys handed out again from the cache. */
    public long reusedCount() {
        return reused.get();
    }
}
