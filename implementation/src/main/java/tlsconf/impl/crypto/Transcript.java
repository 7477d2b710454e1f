package tlsconf.impl.crypto;

import java.io.ByteArrayOutputStream;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.util.Memoable;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * The running transcript hash (RFC 8446 §4.4.1). Until the cipher suite (and so the hash) is known, the messages
 * are buffered; after a HelloRetryRequest the first ClientHello is replaced by the synthetic message_hash message.
 */
public final class Transcript {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private HashAlgorithm hash;
    private Digest digest;

    /** Adds one complete handshake message (header included). */
    public void add(byte[] message) {
        if (digest == null) {
            pending.write(message, 0, message.length);
        } else {
            digest.update(message, 0, message.length);
        }
    }

    public boolean hashChosen() {
        return hash != null;
    }

    /** Fixes the hash; buffered messages are hashed now. */
    public void chooseHash(HashAlgorithm h) {
        if (hash != null) {
            if (hash != h) {
                throw new IllegalStateException("transcript hash already " + hash);
            }
            return;
        }
        hash = h;
        digest = h.newDigest();
        byte[] p = pending.toByteArray();
        digest.update(p, 0, p.length);
        pending.reset();
    }

    /** Transcript-Hash of everything so far. */
    public byte[] currentHash() {
        Digest copy = (Digest) ((Memoable) digest).copy();
        byte[] out = new byte[copy.getDigestSize()];
        copy.doFinal(out, 0);
        return out;
    }

    /** Transcript-Hash of everything so far followed by {@code extra} (a truncated ClientHello, §4.2.11.2). */
    public byte[] hashWith(HashAlgorithm h, byte[] extra) {
        Digest d;
        if (digest != null && hash == h) {
            d = (Digest) ((Memoable) digest).copy();
        } else {
            d = h.newDigest();
            byte[] p = pending.toByteArray();
            d.update(p, 0, p.length);
        }
        d.update(extra, 0, extra.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    /**
     * After a HelloRetryRequest: ClientHello1 becomes message_hash = 254 || 00 00 Hash.length || Hash(ClientHello1)
     * (RFC 8446 §4.4.1). Called with the hash chosen and only ClientHello1 in the transcript.
     */
    public void replaceWithMessageHash() {
        byte[] h = currentHash();
        digest = hash.newDigest();
        byte[] header = {(byte) HandshakeType.MESSAGE_HASH.code(), 0, 0, (byte) h.length};
        digest.update(header, 0, header.length);
        digest.update(h, 0, h.length);
    }

    public HashAlgorithm hash() {
        return hash;
    }
}
