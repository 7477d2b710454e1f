package tlsconf.vectorrun;

import java.util.ArrayList;
import java.util.List;
import tlsconf.vectors.Bytes;
import tlsconf.vectors.kind.Recording;
import tlsconf.vectors.kind.Recording.Flow;
import tlsconf.vectors.kind.Recording.From;

/**
 * Plays a recording back to our side in place of the real peer (Go crypto/tls testdata style): what we write must
 * equal the next recorded flow of ours byte for byte, reads return the peer's next flow, and {@link #finish()}
 * fails if any flow was left unplayed. Writes may be split or merged across calls as long as the bytes line up.
 */
public final class ReplayingTransport {
    /** Our side did something the recording does not show. */
    public static final class Divergence extends RuntimeException {
        Divergence(String message) {
            super(message);
        }
    }

    private final List<Flow> flows;
    private int index;
    private int offset;

    public ReplayingTransport(Recording recording) {
        this(recording.flows());
    }

    /** Plays the given flows (one connection of a recording). */
    public ReplayingTransport(List<Flow> flows) {
        this.flows = new ArrayList<>(flows);
    }

    /** Our side writes {@code data}; it must continue the current flow of ours. */
    public void write(byte[] data) {
        int at = 0;
        while (at < data.length) {
            Flow f = current("a write of " + (data.length - at) + " bytes");
            if (f.from() != From.US) {
                throw new Divergence("flow " + index + ": we wrote " + (data.length - at) + " bytes while the peer's "
                        + f.bytes().length() + "-byte flow was due (out of order)");
            }
            Bytes expected = f.bytes();
            while (at < data.length && offset < expected.length()) {
                if ((data[at] & 0xff) != expected.get(offset)) {
                    throw new Divergence(String.format("flow %d byte %d: recorded %02x, we wrote %02x", index, offset,
                            expected.get(offset), data[at] & 0xff));
                }
                at++;
                offset++;
            }
            advanceIfDone();
        }
    }

    /** The peer's next bytes (the rest of its current flow); our side must not be owing a write. */
    public byte[] read() {
        Flow f = current("a read");
        if (f.from() != From.PEER) {
            throw new Divergence("flow " + index + ": we read while our own " + f.bytes().length()
                    + "-byte flow was due (out of order, " + offset + " bytes of it written)");
        }
        byte[] all = f.bytes().toByteArray();
        byte[] rest = java.util.Arrays.copyOfRange(all, offset, all.length);
        offset = all.length;
        advanceIfDone();
        return rest;
    }

    /** Whether the next flow is the peer's (so a read is due), false when ours is due or none is left. */
    public boolean peerNext() {
        return index < flows.size() && flows.get(index).from() == From.PEER;
    }

    /** Fails when flows are left: the handshake stopped early or the recording has more than we did. */
    public void finish() {
        if (index < flows.size()) {
            throw new Divergence((flows.size() - index) + " flows left unplayed, starting with flow " + index + " from "
                    + flows.get(index).from().name().toLowerCase());
        }
    }

    private Flow current(String what) {
        if (index >= flows.size()) {
            throw new Divergence(what + " after the last recorded flow");
        }
        return flows.get(index);
    }

    private void advanceIfDone() {
        if (offset == flows.get(index).bytes().length()) {
            index++;
            offset = 0;
        }
    }
}
