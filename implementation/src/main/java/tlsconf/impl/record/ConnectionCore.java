package tlsconf.impl.record;

import java.io.ByteArrayOutputStream;
import tlsconf.impl.alert.Alert;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.ContentType;

/**
 * What TLS 1.3's and TLS 1.2's engines do alike around their handshakes: handshake messages queued until they are
 * framed, application data received, the close_notify exchange (RFC 8446 §6.1, RFC 5246 §7.2.1), and the first fatal
 * alert, sent or received, which kills the connection (RFC 8446 §6.2, RFC 5246 §7.2.2): our own is sent once, and
 * every later call throws the same exception.
 */
public final class ConnectionCore {
    private final RecordSink records;
    private final ByteArrayOutputStream handshakeOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream appIn = new ByteArrayOutputStream();
    private TlsAlertException failure;
    private boolean closeSent;
    private boolean closeReceived;

    public ConnectionCore(RecordSink records) {
        this.records = records;
    }

    /** Encoded handshake messages to send; they are framed together at the next {@link #flushHandshake()}. */
    public void queueHandshake(byte[] encoded) {
        handshakeOut.write(encoded, 0, encoded.length);
    }

    /** Frames the queued handshake messages into records under the current write keys. */
    public void flushHandshake() throws TlsAlertException {
        if (handshakeOut.size() > 0) {
            byte[] b = handshakeOut.toByteArray();
            handshakeOut.reset();
            records.write(ContentType.HANDSHAKE.code(), b, 0, b.length);
        }
    }

    /** All bytes waiting to go on the wire (possibly empty). */
    public byte[] takeOutgoing() {
        try {
            flushHandshake();
        } catch (TlsAlertException e) {
            fail(e);
        }
        return records.takeOutput();
    }

    public boolean hasOutgoing() {
        return handshakeOut.size() > 0 || records.hasOutput();
    }

    /** One alert record under the current write keys. */
    public void writeAlert(Alert alert) throws TlsAlertException {
        records.writeRecord(ContentType.ALERT.code(), alert.encode(), 0, 2);
    }

    /**
     * The connection dies of {@code e} unless it is already dead: an alert of ours goes out in place of any handshake
     * messages still queued.
     */
    public void fail(TlsAlertException e) {
        if (failure != null && failure != e) {
            return;
        }
        failure = e;
        if (e.sentByUs()) {
            handshakeOut.reset();
            try {
                writeAlert(Alert.fatal(e.description()));
            } catch (TlsAlertException ignored) {
                // The alert could not be protected (sequence exhausted): the connection dies without it.
            }
        }
    }

    /** A bug of ours, never the peer's doing: still an alert (internal_error), never an unchecked exception. */
    public TlsAlertException internalError(String state, RuntimeException e) {
        TlsAlertException alert = Violation.INTERNAL.alert("internal error in " + state + ": " + e);
        alert.initCause(e);
        fail(alert);
        return alert;
    }

    public void checkAlive() throws TlsAlertException {
        if (failure != null) {
            throw failure;
        }
    }

    /** Alive, handshake complete, close_notify not sent: application data (or a KeyUpdate) may go out. */
    public void checkCanSend(boolean handshakeComplete) throws TlsAlertException {
        checkAlive();
        if (!handshakeComplete || closeSent) {
            throw new IllegalStateException(closeSent ? "connection closed" : "handshake not complete");
        }
    }

    /** The alert that killed the connection, or null. */
    public TlsAlertException failure() {
        return failure;
    }

    /**
     * The peer's close_notify: no more data will come. Before the handshake completed it ends the connection as a
     * failure (the exception is thrown).
     */
    public void closeNotifyReceived(boolean handshakeComplete) throws TlsAlertException {
        closeReceived = true;
        if (!handshakeComplete) {
            failure = TlsAlertException.received(AlertDescription.CLOSE_NOTIFY);
            throw failure;
        }
    }

    public boolean isPeerClosed() {
        return closeReceived;
    }

    /** Sends close_notify once, after any queued handshake messages; not on a dead connection. */
    public void close() {
        if (closeSent || failure != null) {
            return;
        }
        closeSent = true;
        try {
            flushHandshake();
            writeAlert(Alert.closeNotify());
        } catch (TlsAlertException e) {
            fail(e);
        }
    }

    public boolean isCloseSent() {
        return closeSent;
    }

    /** Received application data, kept until {@link #read()}. */
    public void deliver(byte[] data) {
        appIn.write(data, 0, data.length);
    }

    /** Application data received so far, drained. */
    public byte[] read() {
        byte[] b = appIn.toByteArray();
        appIn.reset();
        return b;
    }

    public int available() {
        return appIn.size();
    }
}
