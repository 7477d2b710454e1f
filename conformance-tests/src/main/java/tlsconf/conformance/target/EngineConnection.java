package tlsconf.conformance.target;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import tlsconf.impl.TlsEngine;
import tlsconf.impl.alert.TlsAlertException;

/**
 * A connection to an in-process reference engine: what the peer sends is fed to the engine at once, and what the
 * engine answers is read back. Synchronous, so "silence" is known without waiting: the engine has nothing to say
 * until it gets more input.
 */
final class EngineConnection implements Connection {
    /** The part of a reference engine (TLS 1.3 or 1.2) the connection uses. */
    interface InProcessEngine {
        void feed(byte[] data) throws TlsAlertException;

        byte[] takeOutgoing();

        TlsAlertException failure();

        boolean isHandshakeComplete();

        String state();

        static InProcessEngine of(TlsEngine e) {
            return new InProcessEngine() {
                public void feed(byte[] data) throws TlsAlertException {
                    e.feed(data);
                }

                public byte[] takeOutgoing() {
                    return e.takeOutgoing();
                }

                public TlsAlertException failure() {
                    return e.failure();
                }

                public boolean isHandshakeComplete() {
                    return e.isHandshakeComplete();
                }

                public String state() {
                    return e.state();
                }
            };
        }

        static InProcessEngine of(tlsconf.impl.tls12.Tls12Engine e) {
            return new InProcessEngine() {
                public void feed(byte[] data) throws TlsAlertException {
                    e.feed(data);
                }

                public byte[] takeOutgoing() {
                    return e.takeOutgoing();
                }

                public TlsAlertException failure() {
                    return e.failure();
                }

                public boolean isHandshakeComplete() {
                    return e.isHandshakeComplete();
                }

                public String state() {
                    return e.state();
                }
            };
        }
    }

    private final InProcessEngine engine;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean eofReported;

    EngineConnection(InProcessEngine engine) {
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
