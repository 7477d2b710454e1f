package tlsconf.impl.tls12;

import java.util.Arrays;
import tlsconf.impl.tls12.VersionSniffer.Verdict;

/**
 * Holds a connection's first incoming bytes until the peer's first hello shows the version (RFC 8446 §4.1.3,
 * §4.2.1), for an endpoint that speaks both: a server looks at the ClientHello, a client that offered both at the
 * ServerHello. Once decided it hands back everything held, to be fed to the engine of that version.
 */
public final class VersionDispatch {
    private final boolean server;
    private byte[] held = new byte[0];
    private Verdict verdict = Verdict.NEED_MORE;

    private VersionDispatch(boolean server) {
        this.server = server;
    }

    public static VersionDispatch server() {
        return new VersionDispatch(true);
    }

    public static VersionDispatch client() {
        return new VersionDispatch(false);
    }

    /** Adds bytes; returns everything held once the version is known (then {@link #verdict()}), else null. */
    public byte[] offer(byte[] data, int off, int len) {
        if (verdict != Verdict.NEED_MORE) {
            throw new IllegalStateException("already decided: " + verdict);
        }
        byte[] next = Arrays.copyOf(held, held.length + len);
        System.arraycopy(data, off, next, held.length, len);
        held = next;
        verdict = server ? VersionSniffer.clientHello(held, held.length)
                : VersionSniffer.serverHello(held, held.length);
        if (verdict == Verdict.NEED_MORE) {
            return null;
        }
        byte[] out = held;
        held = new byte[0];
        return out;
    }

    public Verdict verdict() {
        return verdict;
    }

    public boolean decided() {
        return verdict != Verdict.NEED_MORE;
    }
}
