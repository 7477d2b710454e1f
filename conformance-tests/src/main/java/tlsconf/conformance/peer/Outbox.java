package tlsconf.conformance.peer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import tlsconf.conformance.target.Connection;

/**
 * What the peer sends, in order: bytes written before its engine exists (records injected before the ClientHello),
 * the engine's output cut into pieces so injected records land between its records, and hand-made records. After a
 * forged record the engine's later output is dropped (it would reuse the forged record's sequence number).
 */
final class Outbox {
    private final Connection connection;
    private final ByteArrayOutputStream early = new ByteArrayOutputStream();
    private final List<byte[]> queue = new ArrayList<>();
    private PeerEngine engine;
    private boolean silenced;
    private int protectedSent;

    Outbox(Connection connection) {
        this.connection = connection;
    }

    void attach(PeerEngine engine) {
        this.engine = engine;
    }

    boolean hasEngine() {
        return engine != null;
    }

    /** Sends everything queued, then the engine's pending output (unless silenced). */
    void flush() {
        if (engine != null && !silenced) {
            queue.add(engine.takeOutgoing());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(early.toByteArray());
        early.reset();
        for (byte[] b : queue) {
            out.writeBytes(b);
        }
        queue.clear();
        if (silenced && engine != null) {
            engine.takeOutgoing();
        }
        if (out.size() > 0) {
            byte[] bytes = out.toByteArray();
            protectedSent += Records.countProtected(bytes);
            connection.send(bytes);
        }
    }

    /** Moves what the engine has written so far into the queue, so what follows starts a new record. */
    void cut() {
        if (engine != null) {
            queue.add(engine.takeOutgoing());
        }
    }

    /** The engine's output so far, taken out of its hands (to be changed and then {@link #add}ed). */
    byte[] takeFromEngine() {
        return engine.takeOutgoing();
    }

    /** Whole records, after everything the engine wrote so far. */
    void add(byte[] records) {
        cut();
        if (engine == null) {
            early.writeBytes(records);
        } else {
            queue.add(records);
        }
    }

    /** The sequence number the next protected (outer application_data) record of ours will carry. */
    int nextProtectedSequence() {
        cut();
        int sequence = protectedSent;
        for (byte[] b : queue) {
            sequence += Records.countProtected(b);
        }
        return sequence;
    }

    /** From now on the engine's output is dropped. */
    void silence() {
        silenced = true;
    }

    boolean silenced() {
        return silenced;
    }
}
