package tlsconf.conformance.peer;

import java.util.List;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Protection;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * The faults that decide whether and how one of the peer's handshake messages goes out (drop, repeat, swap with the
 * next, send in plaintext, corrupt its record), after {@link PeerPlay} has changed its bytes.
 */
final class Emitter {
    /** What the emitter needs of the peer around it. */
    interface Wire {
        /** One record under the engine's current write keys. */
        void sendRecord(int type, byte[] content);

        /** The scenario cannot be played as written. */
        void fail(String why);

        /** TLS 1.2 after our ChangeCipherSpec: protected records keep their real content type outside. */
        boolean protectedTls12();
    }

    private final List<Fault> faults;
    private final boolean[] applied;
    private final List<String> trace;
    private final Outbox outbox;
    private final Wire wire;
    private byte[] held;
    private int heldFault = -1;

    Emitter(List<Fault> faults, boolean[] applied, List<String> trace, Outbox outbox, Wire wire) {
        this.faults = faults;
        this.applied = applied;
        this.trace = trace;
        this.outbox = outbox;
        this.wire = wire;
    }

    /** Whether a fault drops, repeats or moves this message, so the target's transcript differs from ours. */
    boolean changesSequence(HandshakeType type) {
        for (Fault f : faults) {
            if ((f instanceof Fault.Drop d && d.message() == type) || (f instanceof Fault.Repeat r && r.message() == type)
                    || (f instanceof Fault.SwapWithNext w && w.message() == type)) {
                return true;
            }
        }
        return false;
    }

    /** Applies the faults that decide whether and how the (possibly modified) message goes out. */
    List<byte[]> emit(HandshakeType type, byte[] msg) {
        if (held != null && heldFault >= 0) {
            byte[] h = held;
            held = null;
            applied[heldFault] = true;
            return List.of(msg, h);
        }
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f instanceof Fault.Drop d && d.message() == type) {
                applied[i] = true;
                trace.add("peer: drops " + type.rfcName());
                return List.of();
            }
            if (f instanceof Fault.Repeat r && r.message() == type) {
                applied[i] = true;
                return List.of(msg, msg);
            }
            if (f instanceof Fault.SwapWithNext s && s.message() == type) {
                held = msg;
                heldFault = i;
                return List.of();
            }
            if (f instanceof Fault.Reprotect rp && rp.message() == type) {
                applied[i] = true;
                if (rp.protection() == Protection.PLAINTEXT) {
                    outbox.add(Records.plaintext(ContentType.HANDSHAKE.code(), msg));
                } else {
                    wire.fail("re-protecting under " + rp.protection() + " is not supported");
                }
                return List.of();
            }
            if (f instanceof Fault.CorruptCiphertext cc && cc.message() == type) {
                applied[i] = true;
                outbox.cut();
                wire.sendRecord(ContentType.HANDSHAKE.code(), msg);
                byte[] rec = outbox.takeFromEngine();
                int at = Records.HEADER + cc.bit() / 8;
                // TLS 1.2 keeps the real content type on the outside: its protected Finished is a handshake record.
                boolean isProtected = rec.length > 0 && (rec[0] == Records.TYPE_APPLICATION_DATA
                        || wire.protectedTls12());
                if (rec.length <= at || !isProtected) {
                    wire.fail(type.rfcName() + " does not travel in a protected record long enough for bit "
                            + cc.bit());
                } else {
                    rec[at] ^= (byte) (0x80 >>> (cc.bit() % 8));
                }
                outbox.add(rec);
                return List.of();
            }
        }
        return List.of(msg);
    }

}
