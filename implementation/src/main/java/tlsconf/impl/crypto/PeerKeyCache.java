package tlsconf.impl.crypto;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Peers' public keys as parsed for {@link Signatures#verify}, kept by their exact SubjectPublicKeyInfo bytes, so a
 * handshake that meets a certificate seen before verifies with the key object parsed then.
 *
 * <p>Why: parsing is deterministic, so for identical bytes the parsed key is identical; what a later handshake
 * saves is the ASN.1 parse, the point decoding and, mostly, Bouncy Castle's multiplication tables, which it keeps on
 * the point object: an ECDSA P-256 verify with a fresh key object spends more than half its time building the
 * window table for the public point, one with a known key does not. Production stacks keep parsed certificates the
 * same way, for the whole process: Go's crypto/tls shares parsed certificates between connections by their DER
 * bytes (Go 1.20, crypto/tls cache.go, one cache per process), and the JDK's X509Factory hands back the same
 * certificate object (so the same PublicKey object) for the same encoding, JVM-wide.
 *
 * <p>Scope: one store for the JVM, shared by every enabled handle ({@link #create(boolean)}), since a
 * {@code TlsConfig} (which holds a handle) is often built per connection; each handle counts its own lookups.
 *
 * <p>What it does not skip: every signature is still verified, over the message of this handshake (the
 * CertificateVerify over this transcript, the TLS 1.2 ServerKeyExchange over these randoms). The certificate chain is
 * still validated for each handshake by the peer verifier before the key is used. A key that fails to parse is not
 * cached. Bounded ({@value #CAPACITY} keys, least recently used evicted), thread-safe (Bouncy Castle guards the
 * tables it adds to a point). Switched off with {@code TlsConfig.Builder#peerKeyCache(false)}: then every key is
 * parsed afresh.
 */
public final class PeerKeyCache {
    public static final int CAPACITY = 64;

    /** The JVM-wide store behind every enabled handle. */
    private static final Map<ByteBuffer, AsymmetricKeyParameter> SHARED = store();

    private final boolean enabled;
    private final Map<ByteBuffer, AsymmetricKeyParameter> keys;
    private final AtomicLong parsed = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();

    private PeerKeyCache(boolean enabled, Map<ByteBuffer, AsymmetricKeyParameter> keys) {
        this.enabled = enabled;
        this.keys = keys;
    }

    private static Map<ByteBuffer, AsymmetricKeyParameter> store() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, AsymmetricKeyParameter> eldest) {
                return size() > CAPACITY;
            }
        };
    }

    /**
     * A handle on the JVM-wide store; {@code enabled == false}: one that parses every key afresh and keeps nothing.
     */
    public static PeerKeyCache create(boolean enabled) {
        return new PeerKeyCache(enabled, enabled ? SHARED : null);
    }

    /** A cache with a store of its own, not shared with any other: for tests that count parses. */
    static PeerKeyCache isolated() {
        return new PeerKeyCache(true, store());
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
            AsymmetricKeyParameter first = keys.putIfAbsent(id, k);
            return first != null ? first : k;
        }
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
