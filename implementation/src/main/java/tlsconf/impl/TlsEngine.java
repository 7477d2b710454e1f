package tlsconf.impl;

import java.nio.ByteBuffer;
import java.util.List;
import tlsconf.impl.alert.Alert;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.crypto.Transcript;
import tlsconf.impl.handshake.Handshake;
import tlsconf.impl.handshake.HandshakeContext;
import tlsconf.impl.handshake.Tls13ClientHandshake;
import tlsconf.impl.handshake.Tls13ServerHandshake;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.message.HandshakeMessage;
import tlsconf.impl.record.ConnectionCore;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.record.HandshakeAssembler;
import tlsconf.impl.record.Record;
import tlsconf.impl.record.RecordLayer;
import tlsconf.impl.record.RecordProtection;
import tlsconf.impl.seam.Seam;
import tlsconf.impl.tls12.Tls12Engine;
import tlsconf.impl.tls12.Tls12Negotiated;
import tlsconf.impl.tls12.Tls12SeamBridge;
import tlsconf.impl.tls12.VersionDispatch;
import tlsconf.impl.tls12.VersionSniffer;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * One TLS 1.3 or TLS 1.2 connection in memory (a TLS 1.2 connection runs on {@link Tls12Engine}, chosen by the
 * config's versions and, for an endpoint that allows both, by the first hello): bytes in ({@link #feed}), bytes out ({@link #takeOutgoing}), no I/O and no
 * threads. A client's ClientHello is ready right after {@link #create}. The first fatal alert, sent or received, kills
 * the connection: every later call throws that same {@link TlsAlertException}.
 */
public final class TlsEngine implements InMemoryEngine {
    private static final byte[] CCS = {1};

    private final TlsConfig config;
    private final Seam seam;
    private final RecordLayer records = new RecordLayer();
    private final ConnectionCore core = new ConnectionCore(records);
    private final HandshakeAssembler assembler = new HandshakeAssembler();
    private final Transcript transcript = new Transcript();
    private final Handshake handshake;
    private byte[] clientRandom = new byte[32];
    /** Set once the connection is TLS 1.2 (RFC 5246): every call goes there. */
    private Tls12Engine tls12;
    /** An endpoint that speaks both holds the first bytes until the peer's hello shows the version. */
    private VersionDispatch dispatch;
    /** Client: our first ClientHello as encoded, where a TLS 1.2 take-over starts its handshake_messages. */
    private byte[] firstClientHello;
    private Negotiated negotiated;
    private long earlyDataLeft;

    private TlsEngine(TlsConfig config, Seam seam) {
        this.config = config;
        this.seam = seam;
        records.setMaxFragment(config.maxFragment());
        records.setPaddingPolicy(config.padding());
        Context ctx = new Context();
        this.handshake = config.role() == Role.CLIENT ? new Tls13ClientHandshake(ctx) : new Tls13ServerHandshake(ctx);
    }

    public static TlsEngine create(TlsConfig config) {
        return create(config, Seam.NONE);
    }

    /** An engine whose handshake messages and incoming records pass through {@code seam}. */
    public static TlsEngine create(TlsConfig config, Seam seam) {
        TlsEngine e = new TlsEngine(config, seam);
        if (!config.allows(TlsVersion.TLS_1_3)) {
            e.tls12 = Tls12Engine.create(config, config.tls12(), Tls12SeamBridge.of(seam));
            return e;
        }
        if (config.allows(TlsVersion.TLS_1_2)) {
            e.dispatch = config.role() == Role.SERVER ? VersionDispatch.server() : VersionDispatch.client();
        }
        try {
            // RFC 8446 §5.1: an initial ClientHello may carry legacy_record_version 0x0301, as most clients do.
            e.records.setLegacyVersion(0x0301);
            e.handshake.start();
            e.core.flushHandshake();
        } catch (TlsAlertException ex) {
            e.core.fail(ex);
        } finally {
            e.records.setLegacyVersion(0x0303);
        }
        return e;
    }

    public Role role() {
        return config.role();
    }

    public TlsConfig config() {
        return config;
    }

    /** Processes received bytes: whole records are handled, a partial one is kept for the next call. */
    public void feed(byte[] data) throws TlsAlertException {
        feed(data, 0, data.length);
    }

    public void feed(ByteBuffer data) throws TlsAlertException {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        feed(b);
    }

    public void feed(byte[] data, int off, int len) throws TlsAlertException {
        if (tls12 != null) {
            tls12.feed(data, off, len);
            return;
        }
        core.checkAlive();
        if (dispatch != null) {
            byte[] held = dispatch.offer(data, off, len);
            if (held == null) {
                return;
            }
            boolean isTls12 = dispatch.verdict() == VersionSniffer.Verdict.TLS_1_2;
            dispatch = null;
            if (isTls12) {
                tls12 = takeOverTls12();
                tls12.feed(held);
                return;
            }
            data = held;
            off = 0;
            len = held.length;
        }
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

    /**
     * The peer speaks TLS 1.2 (RFC 8446 §4.1.3, §4.2.1): the TLS 1.2 engine carries on, as a TLS 1.3-capable
     * endpoint (a server sets the downgrade sentinel, a client checks it). A client continues from its ClientHello.
     */
    private Tls12Engine takeOverTls12() throws TlsAlertException {
        tlsconf.impl.tls12.Tls12Options o = config.tls12().withTls13Capable(true);
        if (config.role() == Role.SERVER) {
            return Tls12Engine.create(config, o, Tls12SeamBridge.of(seam));
        }
        tlsconf.impl.message.ClientHello ch = tlsconf.impl.message.ClientHello.decode(
                java.util.Arrays.copyOfRange(firstClientHello, 4, firstClientHello.length));
        return Tls12Engine.continueClient(config, o, Tls12SeamBridge.of(seam), firstClientHello, ch.random(),
                ch.legacySessionId());
    }

    /** The negotiated protocol version, or null while the handshake has not shown it. */
    public TlsVersion version() {
        if (tls12 != null) {
            return TlsVersion.TLS_1_2;
        }
        return dispatch != null ? null : negotiated != null ? negotiated.version()
                : config.allows(TlsVersion.TLS_1_2) ? null : TlsVersion.TLS_1_3;
    }

    private void process(Record r) throws TlsAlertException {
        ContentType type = r.type().orElseThrow(() -> Violation.UNKNOWN_CONTENT_TYPE.alert("content type "
                + r.contentType()));
        if (assembler.hasPartial() && type != ContentType.HANDSHAKE) {
            // RFC 8446 §5.1: handshake messages MUST NOT be interleaved with other record types.
            throw Violation.UNEXPECTED_CONTENT_TYPE.alert(type + " record inside a fragmented handshake message");
        }
        switch (type) {
            case CHANGE_CIPHER_SPEC:
                // RFC 8446 §5: an unprotected CCS of the single byte 0x01 between the first ClientHello and the
                // peer's Finished is dropped; anything else is unexpected_message.
                if (r.isProtected() || !handshake.changeCipherSpecAllowed()
                        || r.content().length != 1 || r.content()[0] != 1) {
                    throw Violation.BAD_CHANGE_CIPHER_SPEC.alert((r.isProtected() ? "protected " : "")
                            + "change_cipher_spec of " + r.content().length + " byte(s) in " + handshake.state());
                }
                return;
            case ALERT:
                receiveAlert(r.content());
                return;
            case HANDSHAKE:
                assembler.add(r.content());
                HandshakeFrame frame;
                while ((frame = assembler.next()) != null) {
                    seam.onIncomingHandshake(frame, r.epoch(), handshake.state());
                    handshake.handle(frame);
                }
                return;
            case APPLICATION_DATA:
                if (r.epoch() == Epoch.EARLY_DATA) {
                    // RFC 8446 §4.2.10: more 0-RTT data than max_early_data_size is unexpected_message.
                    earlyDataLeft -= r.content().length;
                    if (earlyDataLeft < 0) {
                        throw Violation.UNEXPECTED_MESSAGE.alert("more early data than max_early_data_size");
                    }
                } else if (r.epoch() != Epoch.APPLICATION) {
                    throw Violation.DATA_BEFORE_FINISHED.alert("application data under " + r.epoch() + " keys");
                }
                core.deliver(r.content());
                return;
            default:
                throw Violation.UNKNOWN_CONTENT_TYPE.alert("content type " + type);
        }
    }

    /** RFC 8446 §6: close_notify ends reading; user_canceled is followed by it; every other alert is fatal. */
    private void receiveAlert(byte[] content) throws TlsAlertException {
        Alert alert = Alert.decode(content);
        if (alert.is(AlertDescription.CLOSE_NOTIFY)) {
            core.closeNotifyReceived(negotiated != null);
            return;
        }
        if (alert.is(AlertDescription.USER_CANCELED)) {
            return;
        }
        throw alert.received();
    }

    /** All bytes waiting to go on the wire (possibly empty). */
    public byte[] takeOutgoing() {
        if (tls12 != null) {
            return tls12.takeOutgoing();
        }
        return core.takeOutgoing();
    }

    public boolean hasOutgoing() {
        if (tls12 != null) {
            return tls12.hasOutgoing();
        }
        return core.hasOutgoing();
    }

    public boolean isHandshakeComplete() {
        if (tls12 != null) {
            return tls12.isHandshakeComplete();
        }
        return negotiated != null;
    }

    /** What the handshake agreed on; IllegalStateException before it completed. */
    public Negotiated negotiated() {
        if (tls12 != null) {
            return tls12.negotiated().toNegotiated();
        }
        if (negotiated == null) {
            throw new IllegalStateException("handshake not complete (state " + handshake.state() + ")");
        }
        return negotiated;
    }

    /**
     * What a TLS 1.2 handshake agreed on, with what only TLS 1.2 has (extended master secret, resumption by ticket);
     * IllegalStateException when the connection is not TLS 1.2 or the handshake has not completed.
     */
    public Tls12Negotiated tls12Negotiated() {
        if (tls12 == null) {
            throw new IllegalStateException("not a TLS 1.2 connection (state " + state() + ")");
        }
        return tls12.negotiated();
    }

    /** Name of the current handshake state, e.g. {@code ExpectServerHello} or {@code Connected}. */
    public String state() {
        if (tls12 != null) {
            return tls12.state();
        }
        return handshake.state();
    }

    public Epoch readEpoch() {
        if (tls12 != null) {
            return tls12.readProtected() ? Epoch.APPLICATION : Epoch.PLAINTEXT;
        }
        return records.readEpoch();
    }

    public Epoch writeEpoch() {
        if (tls12 != null) {
            return tls12.writeProtected() ? Epoch.APPLICATION : Epoch.PLAINTEXT;
        }
        return records.writeEpoch();
    }

    /** Queues application data (fragmented into records); only after the handshake completed. */
    public void write(byte[] data) throws TlsAlertException {
        write(data, 0, data.length);
    }

    public void write(byte[] data, int off, int len) throws TlsAlertException {
        if (tls12 != null) {
            tls12.write(java.util.Arrays.copyOfRange(data, off, off + len));
            return;
        }
        core.checkCanSend(negotiated != null);
        if (len > 0) {
            records.write(ContentType.APPLICATION_DATA.code(), data, off, len);
        }
    }

    /** Application data received so far, drained. */
    public byte[] read() {
        if (tls12 != null) {
            return tls12.read();
        }
        return core.read();
    }

    public int available() {
        if (tls12 != null) {
            return tls12.available();
        }
        return core.available();
    }

    /** Sends a KeyUpdate and switches to new write keys (RFC 8446 §4.6.3). */
    public void keyUpdate(boolean requestPeerUpdate) throws TlsAlertException {
        if (tls12 != null) {
            throw new IllegalStateException("TLS 1.2 has no KeyUpdate");
        }
        core.checkCanSend(negotiated != null);
        handshake.keyUpdate(requestPeerUpdate);
        core.flushHandshake();
    }

    /** Sends close_notify (RFC 8446 §6.1) once. */
    public void close() {
        if (tls12 != null) {
            tls12.close();
            return;
        }
        core.close();
    }

    public boolean isCloseSent() {
        if (tls12 != null) {
            return tls12.isCloseSent();
        }
        return core.isCloseSent();
    }

    /** The peer sent close_notify: no more data will come. */
    public boolean isPeerClosed() {
        if (tls12 != null) {
            return tls12.isPeerClosed();
        }
        return core.isPeerClosed();
    }

    /** The alert that killed the connection, or null. */
    public TlsAlertException failure() {
        if (tls12 != null) {
            return tls12.failure();
        }
        return core.failure();
    }

    // --- the seam: arbitrary records for a test peer ---

    /** One record with this content type and content, protected under the current write keys if there are any. */
    public void sendRecord(int contentType, byte[] content) throws TlsAlertException {
        if (tls12 != null) {
            tls12.sendRecord(contentType, content);
            return;
        }
        core.flushHandshake();
        records.writeRecord(contentType, content, 0, content.length);
    }

    /** One unprotected record with this type and content, whatever the keys. */
    public void sendPlaintextRecord(int contentType, byte[] content) throws TlsAlertException {
        if (tls12 != null) {
            tls12.sendPlaintextRecord(contentType, content);
            return;
        }
        core.flushHandshake();
        records.writePlaintext(contentType, content, 0, content.length);
    }

    /** Bytes straight onto the wire after anything queued (malformed headers and the like). */
    public void sendRaw(byte[] bytes) throws TlsAlertException {
        if (tls12 != null) {
            tls12.sendRaw(bytes);
            return;
        }
        core.flushHandshake();
        records.writeRaw(bytes);
    }

    /** The engine's view of its connection for the handshake states. */
    private final class Context implements HandshakeContext {
        @Override
        public TlsConfig config() {
            return config;
        }

        @Override
        public Transcript transcript() {
            return transcript;
        }

        @Override
        public void send(HandshakeMessage message) {
            byte[] encoded = message.encode();
            transcript.add(encoded);
            if (firstClientHello == null && message instanceof tlsconf.impl.message.ClientHello) {
                firstClientHello = encoded;
            }
            List<byte[]> out = seam.onOutgoingHandshake(message, encoded, records.writeEpoch());
            for (byte[] b : out) {
                core.queueHandshake(b);
            }
        }

        @Override
        public void sendChangeCipherSpec() throws TlsAlertException {
            core.flushHandshake();
            records.writePlaintext(ContentType.CHANGE_CIPHER_SPEC.code(), CCS, 0, 1);
        }

        @Override
        public void installReadKeys(Epoch epoch, CipherSuite suite, byte[] secret) throws TlsAlertException {
            if (assembler.hasPartial()) {
                // RFC 8446 §5.1: a message that precedes a key change must end at a record boundary.
                throw Violation.KEY_CHANGE_MID_MESSAGE.alert("data after the key-changing message in its record");
            }
            records.setReadKeys(epoch, RecordProtection.fromSecret(suite, secret));
        }

        @Override
        public void installWriteKeys(Epoch epoch, CipherSuite suite, byte[] secret) throws TlsAlertException {
            core.flushHandshake();
            records.setWriteKeys(epoch, RecordProtection.fromSecret(suite, secret));
        }

        @Override
        public void sendEarlyData(byte[] data) throws TlsAlertException {
            core.flushHandshake();
            records.write(ContentType.APPLICATION_DATA.code(), data, 0, data.length);
        }

        @Override
        public void plaintextWrites() throws TlsAlertException {
            core.flushHandshake();
            records.clearWriteKeys();
        }

        @Override
        public void acceptEarlyData(long maxBytes) {
            earlyDataLeft = maxBytes;
        }

        @Override
        public void recordSizeLimits(int peerLimit, int ownLimit) {
            records.setPeerRecordSizeLimit(peerLimit);
            records.setOwnRecordSizeLimit(ownLimit);
        }

        @Override
        public void skipEarlyData(int maxBytes) {
            records.skipUndecryptable(maxBytes);
        }

        @Override
        public void clientRandom(byte[] random) {
            clientRandom = random.clone();
        }

        @Override
        public void keyLog(String label, byte[] secret) {
            if (config.keyLog() != null) {
                config.keyLog().log(label, clientRandom, secret);
            }
        }

        @Override
        public void exchangeSecret(tlsconf.impl.seam.ExchangeSecret secret) {
            seam.onExchangeSecret(secret);
        }

        @Override
        public void handshakeComplete(Negotiated n) {
            negotiated = n;
        }
    }
}
