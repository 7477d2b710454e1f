package tlsconf.impl.tls12;

import java.util.List;
import tlsconf.impl.TlsConfig;
import tlsconf.impl.alert.Alert;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.record.ConnectionCore;
import tlsconf.impl.record.HandshakeAssembler;
import tlsconf.impl.record.Record;
import tlsconf.impl.tls12.message.Tls12Message;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.Role;

/**
 * One TLS 1.2 connection in memory: bytes in ({@link #feed}), bytes out ({@link #takeOutgoing}), no I/O, no threads.
 * A client's ClientHello is ready right after {@link #create}. The first fatal alert, sent or received, kills the
 * connection: every later call throws that same {@link TlsAlertException}.
 */
public final class Tls12Engine implements tlsconf.impl.InMemoryEngine {
    private static final byte[] CCS = {1};

    private final TlsConfig config;
    private final Tls12Options options;
    private final Tls12Seam seam;
    private final Tls12RecordLayer records = new Tls12RecordLayer();
    private final ConnectionCore core = new ConnectionCore(records);
    private final HandshakeAssembler assembler = new HandshakeAssembler();
    private final Tls12Handshake handshake;
    private Tls12Negotiated negotiated;
    private int warningsReceived;

    private Tls12Engine(TlsConfig config, Tls12Options options, Tls12Seam seam) {
        this.config = config;
        this.options = options;
        this.seam = seam;
        records.setMaxFragment(config.maxFragment());
        Context ctx = new Context();
        handshake = config.role() == Role.CLIENT ? new Tls12ClientHandshake(ctx) : new Tls12ServerHandshake(ctx);
    }

    public static Tls12Engine create(TlsConfig config, Tls12Options options) {
        return create(config, options, Tls12Seam.NONE);
    }

    public static Tls12Engine create(TlsConfig config, Tls12Options options, Tls12Seam seam) {
        Tls12Engine e = new Tls12Engine(config, options, seam);
        try {
            e.handshake.start();
            e.core.flushHandshake();
        } catch (TlsAlertException ex) {
            e.core.fail(ex);
        }
        return e;
    }

    /**
     * A client engine taking over after another handshake sent {@code clientHelloEncoded} (with this random and
     * session id) and the server answered with a TLS 1.2 ServerHello: feed it the server's bytes from the start.
     */
    public static Tls12Engine continueClient(TlsConfig config, Tls12Options options, Tls12Seam seam,
            byte[] clientHelloEncoded, byte[] clientRandom, byte[] sessionId) {
        if (config.role() != Role.CLIENT) {
            throw new IllegalArgumentException("continueClient needs a client config");
        }
        Tls12Engine e = new Tls12Engine(config, options, seam);
        try {
            ((Tls12ClientHandshake) e.handshake).continueAfter(clientHelloEncoded, clientRandom, sessionId);
        } catch (TlsAlertException ex) {
            e.core.fail(ex);
        }
        return e;
    }

    public Role role() {
        return config.role();
    }

    public TlsConfig config() {
        return config;
    }

    public void feed(byte[] data) throws TlsAlertException {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int off, int len) throws TlsAlertException {
        core.checkAlive();
        records.feed(data, off, len);
        try {
            Record r;
            while (!core.isPeerClosed() && (r = records.next()) != null) {
                seam.onIncomingRecord(r);
                process(r);
            }
            core.flushHandshake();
        } catch (TlsAlertException e) {
            core.fail(e);
            throw e;
        } catch (RuntimeException e) {
            throw core.internalError(handshake.state(), e);
        }
    }

    private void process(Record r) throws TlsAlertException {
        ContentType type = r.type().orElseThrow(() -> Violation.UNKNOWN_CONTENT_TYPE.alert("content type "
                + r.contentType()));
        if (assembler.hasPartial() && type != ContentType.HANDSHAKE) {
            throw Violation.UNEXPECTED_CONTENT_TYPE.alert(type + " record inside a fragmented handshake message");
        }
        switch (type) {
            case CHANGE_CIPHER_SPEC:
                // RFC 5246 §7.1: the message is the single byte 1; the handshake decides whether it may come now.
                if (r.content().length != 1 || r.content()[0] != 1) {
                    throw Violation.BAD_CHANGE_CIPHER_SPEC.alert("change_cipher_spec of " + r.content().length
                            + " byte(s)");
                }
                handshake.changeCipherSpec();
                return;
            case ALERT:
                receiveAlert(r.content());
                return;
            case HANDSHAKE:
                assembler.add(r.content());
                HandshakeFrame frame;
                while ((frame = assembler.next()) != null) {
                    seam.onIncomingHandshake(frame, handshake.state());
                    handshake.handle(frame);
                }
                if (assembler.hasPartial()) {
                    handshake.partialMessage(assembler.partialType(), assembler.partialLength());
                }
                return;
            case APPLICATION_DATA:
                if (negotiated == null || !records.readProtected()) {
                    // RFC 5246 §7.4: no application data before the first handshake completed.
                    throw Violation.DATA_BEFORE_FINISHED.alert("application data in " + handshake.state());
                }
                core.deliver(r.content());
                return;
            default:
                throw Violation.UNKNOWN_CONTENT_TYPE.alert("content type " + type);
        }
    }

    /** RFC 5246 §7.2: close_notify ends reading; other warnings are noted; a fatal alert ends the connection. */
    private void receiveAlert(byte[] content) throws TlsAlertException {
        Alert alert = Alert.decode(content);
        if (alert.is(AlertDescription.CLOSE_NOTIFY)) {
            core.closeNotifyReceived(negotiated != null);
            return;
        }
        if (alert.isWarning() && ++warningsReceived <= 16) {
            // A warning (no_renegotiation, user_canceled) does not end the connection; a flood of them does.
            return;
        }
        throw alert.received();
    }

    public byte[] takeOutgoing() {
        return core.takeOutgoing();
    }

    public boolean hasOutgoing() {
        return core.hasOutgoing();
    }

    public boolean isHandshakeComplete() {
        return negotiated != null;
    }

    public Tls12Negotiated negotiated() {
        if (negotiated == null) {
            throw new IllegalStateException("handshake not complete (state " + handshake.state() + ")");
        }
        return negotiated;
    }

    public String state() {
        return handshake.state();
    }

    public void write(byte[] data) throws TlsAlertException {
        core.checkCanSend(negotiated != null);
        if (data.length > 0) {
            records.write(ContentType.APPLICATION_DATA.code(), data, 0, data.length);
        }
    }

    public byte[] read() {
        return core.read();
    }

    public int available() {
        return core.available();
    }

    /** Sends close_notify once (RFC 5246 §7.2.1). */
    public void close() {
        core.close();
    }

    public boolean isCloseSent() {
        return core.isCloseSent();
    }

    /** Whether records we receive / send are protected (after the peer's / our ChangeCipherSpec). */
    public boolean readProtected() {
        return records.readProtected();
    }

    public boolean writeProtected() {
        return records.writeProtected();
    }

    public boolean isPeerClosed() {
        return core.isPeerClosed();
    }

    public TlsAlertException failure() {
        return core.failure();
    }

    // --- for test peers ---

    /** One record of this type and content, protected if our write state is. */
    public void sendRecord(int contentType, byte[] content) throws TlsAlertException {
        core.flushHandshake();
        records.writeRecord(contentType, content, 0, content.length);
    }

    /** One unprotected record, whatever the write state (a test peer's forged plaintext). */
    public void sendPlaintextRecord(int contentType, byte[] content) throws TlsAlertException {
        core.flushHandshake();
        records.writePlaintext(contentType, content, 0, content.length);
    }

    /** Bytes straight onto the wire after anything queued. */
    public void sendRaw(byte[] bytes) throws TlsAlertException {
        core.flushHandshake();
        records.writeRaw(bytes);
    }

    private final class Context implements Tls12Context {
        @Override
        public TlsConfig config() {
            return config;
        }

        @Override
        public Tls12Options options() {
            return options;
        }

        @Override
        public byte[] send(Tls12Message message) {
            byte[] encoded = message.encode();
            List<byte[]> out = seam.onOutgoingHandshake(message, encoded);
            for (byte[] b : out) {
                core.queueHandshake(b);
            }
            return encoded;
        }

        @Override
        public void sendChangeCipherSpec(Tls12Protection write) throws TlsAlertException {
            core.flushHandshake();
            if (seam.onOutgoingChangeCipherSpec()) {
                records.writeRecord(ContentType.CHANGE_CIPHER_SPEC.code(), CCS, 0, 1);
            }
            records.setWrite(write);
        }

        @Override
        public void installReadProtection(Tls12Protection read) throws TlsAlertException {
            if (assembler.hasPartial()) {
                // RFC 5246 §7.1/§6.2.1: a handshake message may not straddle the ChangeCipherSpec.
                throw Violation.KEY_CHANGE_MID_MESSAGE.alert("ChangeCipherSpec inside a fragmented handshake message");
            }
            records.setRead(read);
        }

        @Override
        public void sendWarning(AlertDescription description) throws TlsAlertException {
            core.flushHandshake();
            core.writeAlert(Alert.warning(description));
        }

        @Override
        public void logMasterSecret(byte[] clientRandom, byte[] masterSecret) {
            if (config.keyLog() != null) {
                config.keyLog().log("CLIENT_RANDOM", clientRandom, masterSecret);
            }
        }

        @Override
        public void exchangeSecret(tlsconf.impl.seam.ExchangeSecret secret) {
            seam.onExchangeSecret(secret);
        }

        @Override
        public void handshakeComplete(Tls12Negotiated n) {
            negotiated = n;
        }
    }
}
