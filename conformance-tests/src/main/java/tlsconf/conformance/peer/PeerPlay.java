package tlsconf.conformance.peer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tlsconf.conformance.scenario.Anchor;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Protection;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.Connection;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.conformance.verdict.Observation;
import tlsconf.conformance.verdict.PlayResult;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.message.HandshakeMessage;
import tlsconf.impl.message.ServerHello;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.record.Record;
import tlsconf.impl.seam.ExchangeSecret;
import tlsconf.impl.seam.Seam;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * One scenario played by the reference implementation as the test peer: a real engine (TLS 1.3 or 1.2) whose outgoing
 * handshake messages pass through this seam, where the scenario's faults are applied; incoming records are read
 * back as the target's reaction. Used once and thrown away.
 */
final class PeerPlay implements Seam {
    /** Sent by a client peer once its handshake is complete, so a server target shows it accepted the Finished. */
    static final byte[] PING = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_ROUNDS = 256;

    private final Scenario scenario;
    private final byte[] certificateReplacement;
    private final Connection connection;
    private final Duration step;
    private final Role peerRole;
    private final List<Fault> faults;
    private final boolean[] applied;
    private final List<String> trace = new ArrayList<>();
    private final Outbox outbox;
    private final Emitter emitter;
    private final PeerSecrets secrets = new PeerSecrets();
    private final TargetReader reader;

    private PeerEngine engine;
    private boolean changeCipherSpecSent;
    private boolean finalFlightSent;
    /** The first handshake message (other than Finished) a fault changed on the wire, or null. */
    private HandshakeType divergedAt;
    private boolean afterHandshakeDone;
    private boolean graceUsed;
    private byte[] firstClientHello;
    private String failure;
    /** Our own verify_data as the engine computed it (the saved verify_data of RFC 5746 §3.4). */
    private byte[] ownVerifyData;

    /**
     * @param certificateReplacement an encoded Certificate message to send instead of the engine's (a chain the
     *        engine cannot hold because it does not parse), or null
     */
    PeerPlay(Scenario scenario, Connection connection, Duration step, byte[] certificateReplacement) {
        this.certificateReplacement = certificateReplacement;
        this.scenario = scenario;
        this.connection = connection;
        this.step = step;
        this.peerRole = scenario.targetRole().peer();
        this.faults = scenario.faults();
        this.applied = new boolean[faults.size()];
        this.outbox = new Outbox(connection);
        this.reader = new TargetReader(this, scenario, connection, step, trace, secrets);
        this.emitter = new Emitter(faults, applied, trace, outbox, new Emitter.Wire() {
            @Override
            public void sendRecord(int type, byte[] content) {
                PeerPlay.this.sendRecord(type, content);
            }

            @Override
            public void fail(String why) {
                failure = why;
            }

            @Override
            public boolean protectedTls12() {
                return scenario.version() == TlsVersion.TLS_1_2 && changeCipherSpecSent;
            }
        });
    }

    /** The key log is kept in memory only, to forge records the engine will not send (an encrypted CCS). */
    void onSecret(String label, byte[] secret) {
        secrets.put(label, secret);
    }

    PlayResult play(java.util.function.Function<PeerPlay, PeerEngine> start) {
        trace.add("peer: " + peerRole.cliName() + ", " + scenario.describe());
        engine = start.apply(this);
        outbox.attach(engine);
        if (engine.failure() != null) {
            return notPlayable("the test peer could not start: " + engine.failure().getMessage());
        }
        for (int i = 0; i < faults.size(); i++) {
            if (faults.get(i) instanceof Fault.Fragment) {
                // Applied by the configuration (the engine's fragment size), from the first record on.
                applied[i] = true;
            }
        }
        flush();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Observation.Alert alert = reader.alert();
            if (reader.renegotiated() != null) {
                return done(reader.renegotiated());
            }
            if (reader.sealedAlert() != null && alert == null) {
                return done(reader.sealedAlert());
            }
            if (reader.serverHelloSeen() && scenario.hasOption(Scenario.SERVER_HELLO_ACCEPTS) && alert == null) {
                trace.add("target answered with ServerHello: the ClientHello was accepted");
                return done(new Observation.Completed());
            }
            if (reader.continued() != null && alert == null) {
                return done(new Observation.Continued(reader.continued()));
            }
            if (failure != null || reader.failure() != null) {
                return notPlayable(failure != null ? failure : reader.failure());
            }
            if (alert != null) {
                return done(judgedAfterDivergence(alert));
            }
            if (!afterHandshakeDone && engine.isHandshakeComplete()) {
                afterHandshake();
                flush();
                continue;
            }
            if (completed()) {
                if (!(scenario.expected() instanceof Expectation.Accept) && !graceUsed) {
                    // A refusal may trail the evidence of completion by a moment (a client alerts after sending
                    // its Finished): read once more, briefly, before concluding.
                    graceUsed = true;
                    Connection.Received r = connection.receive(step.dividedBy(4));
                    if (r instanceof Connection.Received.Data data) {
                        reader.receive(data.bytes());
                        continue;
                    }
                }
                return done(new Observation.Completed());
            }
            Connection.Received r = connection.receive(step);
            if (r instanceof Connection.Received.Data data) {
                reader.receive(data.bytes());
                flush();
            } else if (r instanceof Connection.Received.Eof) {
                trace.add("target closed the connection");
                if (reader.closeProbeSent()) {
                    return done(new Observation.Continued("it ignored the request: silent for " + step.toMillis()
                            + " ms, then it closed the connection on the peer's close_notify"));
                }
                return done(completed() ? new Observation.Completed() : new Observation.Closed(reader.warning()));
            } else {
                if (!reader.closeProbeSent() && ignorable()) {
                    probeWithClose();
                    continue;
                }
                if (!reader.warningStandsOnSilence() && !completed() && silentAcceptance()) {
                    // A TLS 1.2 client has the last word before our Finished: after it, silence is acceptance. Not
                    // when its last word was a warning against the handshake: a warning followed by silence stays
                    // the reaction (RFC 5246 §7.2.2).
                    trace.add("target silent for " + step.toMillis() + " ms after the peer's Finished: accepted");
                    return done(new Observation.Completed());
                }
                return done(reader.warning() != null ? reader.warning() : completed() ? new Observation.Completed()
                        : new Observation.Timeout(step.toMillis()));
            }
        }
        return notPlayable("the exchange did not settle within " + MAX_ROUNDS + " rounds");
    }

    /**
     * An error alert after we changed a message the target hashes can be its verdict on that change, or evidence
     * that it took the change: decrypt_error and bad_record_mac are the latter.
     */
    private Observation judgedAfterDivergence(Observation.Alert alert) {
        if (divergedAt != null && divergedAt != HandshakeType.FINISHED
                && alert.description() == AlertDescription.DECRYPT_ERROR) {
            // A signature or Finished check failed at the target: over its transcript, which holds our changed
            // message, so it had accepted that message.
            return new Observation.Continued("the target answered decrypt_error after " + divergedAt.rfcName()
                    + ": it verified a signature or Finished over the modified transcript");
        }
        if (divergedAt != null && divergedAt != HandshakeType.FINISHED
                && alert.description() == AlertDescription.BAD_RECORD_MAC && engine.writeEpoch() != Epoch.PLAINTEXT) {
            // Our protected records failed to open at the target: our keys follow our transcript, so its keys came
            // from the one holding the changed message (TLS 1.2 extended master secret, TLS 1.3 handshake
            // secrets). The change itself would have been refused before any protected record.
            return new Observation.Continued("the target answered bad_record_mac to the peer's protected records "
                    + "after " + divergedAt.rfcName() + ": it derived its keys from the modified transcript");
        }
        return alert;
    }

    /**
     * A request the target may ignore (a HelloRequest, RFC 5246 §7.4.1.1) met silence: ignoring is only positive
     * once it still reads our records, so we close and expect its close_notify (§7.2.1) or its close.
     */
    private boolean ignorable() {
        return scenario.expected() instanceof Expectation.IgnoreOrWarn w && w.mayIgnore()
                && afterHandshakeDone && hasPostHandshakeFault() && reader.renegotiated() == null;
    }

    private void probeWithClose() {
        reader.closeProbeSent(true);
        trace.add("target silent for " + step.toMillis() + " ms after the request: peer -> close_notify");
        sendRecord(ContentType.ALERT.code(), new byte[] {(byte) AlertLevel.WARNING.code(),
            (byte) AlertDescription.CLOSE_NOTIFY.code()});
        flush();
    }

    /** After our side completed: post-handshake faults, then (client peer) application data the target answers. */
    private void afterHandshake() {
        afterHandshakeDone = true;
        trace.add("peer: handshake complete on our side (" + engine.state() + ")");
        boolean postFaults = false;
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f instanceof Fault.Inject inj && inj.where().position() == Anchor.Position.AFTER_HANDSHAKE) {
                inject(i, inj.contentType(), inj.protection(), HexFormat.of().parseHex(inj.hex()));
                postFaults = true;
            } else if (f instanceof Fault.SecureRenegotiation) {
                secureRenegotiation(i);
                postFaults = true;
            } else if (f instanceof Fault.ResendAfterHandshake again) {
                if (again.message() == HandshakeType.CLIENT_HELLO && firstClientHello != null) {
                    sendRecord(ContentType.HANDSHAKE.code(), firstClientHello);
                    applied[i] = true;
                    trace.add("peer -> ClientHello again after the handshake");
                }
                postFaults = true;
            }
        }
        if (peerRole == Role.CLIENT && !postFaults) {
            try {
                engine.write(PING);
                trace.add("peer -> application data (" + PING.length + " bytes)");
            } catch (TlsAlertException | IllegalStateException e) {
                failure = "the test peer cannot send application data: " + e.getMessage();
            }
        }
        finalFlightSent = true;
    }

    /** RFC 5746 §3.5: a ClientHello whose renegotiation_info carries our client_verify_data, under current keys. */
    private void secureRenegotiation(int index) {
        if (firstClientHello == null || ownVerifyData == null || peerRole != Role.CLIENT) {
            failure = "a secure renegotiation needs a client peer that completed its handshake";
            return;
        }
        try {
            sendRecord(ContentType.HANDSHAKE.code(), Renegotiation.secureClientHello(firstClientHello, ownVerifyData));
            applied[index] = true;
            trace.add("peer -> ClientHello for a secure renegotiation (renegotiation_info = client_verify_data)");
        } catch (TlsAlertException e) {
            failure = "cannot build the renegotiation ClientHello: " + e.getMessage();
        }
    }

    private boolean hasPostHandshakeFault() {
        return faults.stream().anyMatch(f -> f instanceof Fault.ResendAfterHandshake
                || f instanceof Fault.SecureRenegotiation
                || (f instanceof Fault.Inject inj && inj.where().position() == Anchor.Position.AFTER_HANDSHAKE));
    }

    /** Positive evidence that the target completed, without a post-handshake fault still awaiting its answer. */
    private boolean completed() {
        if (!finalFlightSent || hasPostHandshakeFault()) {
            return false;
        }
        if (peerRole == Role.SERVER && scenario.version() == TlsVersion.TLS_1_3) {
            // Our TLS 1.3 server completes only when the client's Finished verified. (A TLS 1.2 server sends its
            // Finished last, so there the target's own word or its data is needed.)
            return engine.isHandshakeComplete();
        }
        return reader.completionEvidence() || Boolean.TRUE.equals(connection.targetReportsComplete());
    }

    /** TLS 1.2 with a client target: our server's Finished ends the handshake and the client need not answer. */
    private boolean silentAcceptance() {
        // Only where the target cannot tell us itself (socket targets); in-process targets report completion.
        return scenario.version() == TlsVersion.TLS_1_2 && peerRole == Role.SERVER
                && finalFlightSent && engine.isHandshakeComplete() && !hasPostHandshakeFault()
                && connection.targetReportsComplete() == null;
    }

    private PlayResult done(Observation o) {
        String note = connection.targetNote();
        if (note != null) {
            trace.add(note);
        }
        for (int i = 0; i < faults.size(); i++) {
            if (!applied[i] && !(o instanceof Observation.Alert) && !(o instanceof Observation.EncryptedAlert)) {
                // A fault that never fired would make a pass meaningless.
                return notPlayable("fault '" + faults.get(i).describe() + "' was never applied (the handshake "
                        + "did not reach it)");
            }
        }
        trace.add("observed: " + o.describe());
        return new PlayResult(o, trace);
    }

    private PlayResult notPlayable(String why) {
        trace.add("not playable: " + why);
        return new PlayResult(new Observation.NotPlayable(why), trace);
    }

    // ---- sending ----

    private void flush() {
        outbox.flush();
    }

    private void sendRecord(int type, byte[] content) {
        try {
            engine.sendRecord(type, content);
        } catch (TlsAlertException e) {
            failure = "the test peer cannot send a record: " + e.getMessage();
        }
    }

    private void inject(int index, int contentType, Protection protection, byte[] content) {
        applied[index] = true;
        trace.add("peer -> " + faults.get(index).describe());
        if (engine == null || protection == Protection.PLAINTEXT) {
            // Before the engine exists (its ClientHello is written inside create) everything is plaintext anyway.
            outbox.add(Records.plaintext(contentType, content));
            return;
        }
        Epoch want = protection == Protection.HANDSHAKE ? Epoch.HANDSHAKE
                : protection == Protection.APPLICATION ? Epoch.APPLICATION : engine.writeEpoch();
        if (engine.writeEpoch() != want) {
            failure = "cannot inject under " + want + " keys: the peer writes under " + engine.writeEpoch();
            return;
        }
        if (contentType == ContentType.CHANGE_CIPHER_SPEC.code()
                && scenario.version() == TlsVersion.TLS_1_3) {
            // TLS 1.3 writes CCS only in plaintext; the TLS 1.2 engine seals any record type under its keys.
            forgeProtected(contentType, content);
        } else {
            sendRecord(contentType, content);
        }
    }

    /**
     * The engine writes change_cipher_spec only in plaintext, so a protected CCS is sealed here with the handshake
     * traffic secret from the in-memory key log, at the next sequence number. The engine's later records would reuse
     * that number, so the peer sends nothing more: a conforming target has already aborted.
     */
    private void forgeProtected(int contentType, byte[] content) {
        byte[] secret = secrets.handshake(peerRole);
        if (secret == null || engine.writeEpoch() != Epoch.HANDSHAKE) {
            failure = "a protected change_cipher_spec can only be forged under handshake keys";
            return;
        }
        try {
            outbox.add(PeerSecrets.seal(secret, outbox.nextProtectedSequence(), contentType, content));
        } catch (TlsAlertException e) {
            failure = "cannot forge a protected record: " + e.getMessage();
            return;
        }
        outbox.silence();
        trace.add("peer: sends nothing after the forged record");
    }

    // ---- the seam ----

    @Override
    public List<byte[]> onOutgoingHandshake(HandshakeMessage message, byte[] encoded, Epoch writeEpoch) {
        return outgoing(message instanceof ServerHello sh && sh.isHelloRetryRequest()
                ? HandshakeType.HELLO_RETRY_REQUEST : message.type(), encoded, writeEpoch);
    }

    /** TLS 1.2: our ChangeCipherSpec is about to go out; false leaves it out (CVE-2014-6593 style). */
    boolean outgoingChangeCipherSpec() {
        changeCipherSpecSent = true;
        for (int i = 0; i < faults.size(); i++) {
            if (faults.get(i) instanceof Fault.SkipChangeCipherSpec) {
                applied[i] = true;
                trace.add("peer: leaves out its ChangeCipherSpec");
                return false;
            }
        }
        trace.add("peer -> ChangeCipherSpec");
        return true;
    }

    /** TLS 1.2: whether our write side is protected (our ChangeCipherSpec moment has passed). */
    boolean changeCipherSpecSent() {
        return changeCipherSpecSent;
    }

    /** Applies the faults to one outgoing handshake message; returns the encodings to write in its place. */
    List<byte[]> outgoing(HandshakeType type, byte[] encoded, Epoch writeEpoch) {
        if (type == HandshakeType.CLIENT_HELLO && firstClientHello == null) {
            firstClientHello = encoded.clone();
        }
        if (type == HandshakeType.FINISHED && ownVerifyData == null) {
            ownVerifyData = Records.body(encoded);
        }
        byte[] msg = encoded;
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f instanceof Fault.MirrorPeerFinished && type == HandshakeType.FINISHED
                    && reader.peerVerifyData() != null) {
                msg = Records.handshake(type.code(), reader.peerVerifyData(), 0);
                applied[i] = true;
            } else if (f instanceof Fault.Mutate m && m.message() == type) {
                int delta = m.mutation() instanceof tlsconf.conformance.scenario.Mutation.LengthDelta d ? d.delta() : 0;
                try {
                    msg = Records.handshake(type.code(), m.mutation().apply(type, Records.body(msg)), delta);
                    applied[i] = true;
                } catch (IllegalArgumentException e) {
                    failure = "cannot apply '" + f.describe() + "': " + e.getMessage();
                }
            } else if (f instanceof Fault.PresentCertificate && type == HandshakeType.CERTIFICATE) {
                if (certificateReplacement != null) {
                    msg = certificateReplacement;
                }
                applied[i] = true;
            }
        }
        if (msg != encoded || emitter.changesSequence(type)) {
            diverge(type);
        }
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f instanceof Fault.Inject inj && inj.where().position() == Anchor.Position.BEFORE
                    && inj.where().message() == type) {
                inject(i, inj.contentType(), inj.protection(), HexFormat.of().parseHex(inj.hex()));
            } else if (f instanceof Fault.Oversize o && o.where().position() == Anchor.Position.BEFORE
                    && o.where().message() == type) {
                inject(i, ContentType.HANDSHAKE.code(), o.protection(), new byte[o.length()]);
            }
        }
        if (outbox.silenced()) {
            return List.of();
        }
        // Logged here, after what goes before it, so the trace keeps the order of the wire.
        trace.add("peer -> " + type.rfcName() + " (" + writeEpoch.name().toLowerCase(java.util.Locale.ROOT)
                + ", " + msg.length + " bytes)" + (msg != encoded ? " [modified]" : ""));
        List<byte[]> out = emitter.emit(type, msg);
        out.forEach(secrets.wire()::sent);
        for (int i = 0; i < faults.size(); i++) {
            if (faults.get(i) instanceof Fault.Inject inj && inj.where().position() == Anchor.Position.AFTER
                    && inj.where().message() == type) {
                if (!out.isEmpty()) {
                    if (engine == null) {
                        out.forEach(m -> outbox.add(Records.plaintext(ContentType.HANDSHAKE.code(), m)));
                    } else {
                        outbox.cut();
                        outbox.add(frameAsRecordLater(out));
                    }
                    out = List.of();
                }
                inject(i, inj.contentType(), inj.protection(), HexFormat.of().parseHex(inj.hex()));
            }
        }
        return out;
    }

    /**
     * Our transcript keeps the message as the engine produced it (the seam changes only the wire), so from here
     * the target's keys and signatures differ from ours. A TLS 1.3 Finished whose bytes changed is exempt: nothing
     * the target sends before judging it depends on it. A repeated one is not: a target that takes the second copy
     * hashes it, and its own Finished then covers both (SunJSSE does so).
     */
    private void diverge(HandshakeType type) {
        // TLS 1.2 is different: the server's Finished covers the client's, so a changed Finished diverges too.
        boolean exempt = type == HandshakeType.FINISHED && scenario.version() == TlsVersion.TLS_1_3
                && !emitter.changesSequence(type);
        if (divergedAt == null && !exempt) {
            divergedAt = type;
            trace.add("peer: from here the target's transcript differs from the peer's (" + type.rfcName() + ")");
        }
    }

    /** Writes handshake bytes as their own record(s) under the current keys and returns them for the queue. */
    private byte[] frameAsRecordLater(List<byte[]> messages) {
        for (byte[] m : messages) {
            sendRecord(ContentType.HANDSHAKE.code(), m);
        }
        return engine.takeOutgoing();
    }

    @Override
    public void onIncomingRecord(Record record) {
        reader.onIncomingRecord(record);
    }

    @Override
    public void onIncomingHandshake(HandshakeFrame frame, Epoch epoch, String state) {
        reader.onIncomingHandshake(frame, epoch, state);
    }

    @Override
    public void onExchangeSecret(ExchangeSecret secret) {
        secrets.exchange(secret);
    }

    // ---- what the reader asks of the play ----

    PeerEngine engine() {
        return engine;
    }

    HandshakeType divergedAt() {
        return divergedAt;
    }

    boolean finalFlightSent() {
        return finalFlightSent;
    }

    boolean afterHandshakeDone() {
        return afterHandshakeDone;
    }

    byte[] ownVerifyData() {
        return ownVerifyData;
    }

    Role peerRole() {
        return peerRole;
    }
}
