package tlsconf.conformance.target;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import tlsconf.impl.InMemoryEngine;
import tlsconf.impl.alert.TlsAlertException;

/**
 * A connection to an in-process reference engine: what the peer sends is fed to the engine at once, and what the
 * engine answers is read back. Synchronous, so "silence" is known without waiting: the engine has nothing to say
 * until it gets more input.
 */
final class EngineConnection implements Connection {
    private final InMemoryEngine engine;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean eofReported;

    EngineConnection(InMemoryEngine engine) {
        this.engine = engine;
        pending.writeBytes(engine.takeOutgoing());
    }

    @Override
    public void send(byte[] bytes) {
        if (engine.failure() != null) {
            return;
        }
        try {
            engine.feed(bytes);
        } catch (TlsAlertException e) {
            // The engine queued its alert (if it sent one); the peer reads it next.
        }
        pending.writeBytes(engine.takeOutgoing());
    }

    @Override
    public Received receive(Duration timeout) {
        if (pending.size() > 0) {
            byte[] b = pending.toByteArray();
            pending.reset();
            return new Received.Data(b);
        }
        if (engine.failure() != null && !eofReported) {
            eofReported = true;
            return new Received.Eof();
        }
        return eofReported ? new Received.Eof() : new Received.Silence();
    }

    @Override
    public Boolean targetReportsComplete() {
        return engine.isHandshakeComplete() && engine.failure() == null;
    }

    @Override
    public String targetNote() {
        return engine.failure() == null ? "reference target in state " + engine.state()
                : "reference target: " + engine.failure().getMessage();
    }

    @Override
    public void close() {
        // Nothing to release: the engine is garbage once the scenario ends.
    }
}
