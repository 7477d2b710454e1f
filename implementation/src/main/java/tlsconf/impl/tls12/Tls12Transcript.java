package tlsconf.impl.tls12;

import java.io.ByteArrayOutputStream;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.util.Memoable;
import tlsconf.impl.crypto.HashAlgorithm;

/**
 * The TLS 1.2 handshake messages so far (RFC 5246 §7.4.9 handshake_messages): kept whole, because a CertificateVerify
 * signs the messages themselves (§7.4.8), and hashed as they arrive once the suite's hash is asked for, so the
 * session hash (RFC 7627 §3) and the two Finished hashes do not each re-hash the whole transcript.
 */
final class Tls12Transcript {
    private final ByteArrayOutputStream messages = new ByteArrayOutputStream();
    private HashAlgorithm hash;
    private Digest running;
    /** How many bytes of {@link #messages} the running digest has taken in. */
    private int hashed;

    void write(byte[] b, int off, int len) {
        messages.write(b, off, len);
    }

    byte[] toByteArray() {
        return messages.toByteArray();
    }

    /** Hash(handshake_messages) with {@code h}, the PRF hash of the negotiated suite. */
    byte[] hash(HashAlgorithm h) {
        if (running == null || hash != h) {
            hash = h;
            running = h.newDigest();
            hashed = 0;
        }
        if (hashed < messages.size()) {
            byte[] all = messages.toByteArray();
            running.update(all, hashed, all.length - hashed);
            hashed = all.length;
        }
        Digest copy = (Digest) ((Memoable) running).copy();
        byte[] out = new byte[copy.getDigestSize()];
        copy.doFinal(out, 0);
        return out;
    }
}
