package tlsconf.conformance.peer;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.Connection;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.conformance.verdict.Observation;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.message.ServerHello;
import tlsconf.impl.record.Epoch;
import tlsconf.impl.record.Record;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.AlertLevel;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The reading half of {@link PeerPlay}: the target's records go to the peer's engine one at a time, so a record the
 * engine refuses is known by type and size, and what comes back is noted as the target's reaction: its alerts (with
 * how they travelled), evidence that it completed, its Finished, a renegotiation, records the peer cannot open
 * ({@link SealedAlerts}). {@link PeerPlay} decides from these when the reaction is final.
 */
final class TargetReader {
    private final PeerPlay play;
    private final Scenario scenario;
    private final Connection connection;
    private final Duration step;
    private final List<String> trace;
    private final PeerSecrets secrets;
    private final RecordSplitter incoming = new RecordSplitter();

    private Observation.Alert alert;
    /** TLS 1.2: a warning, which need not end the connection (RFC 5246 §7.2.2); final only if nothing follows it. */
    private Observation.Alert warning;
    /** The target sent a handshake message after {@link #warning}: it went on, the warning was not its last word. */
    private boolean wentOnAfterWarning;
    private boolean serverHelloSeen;
    private boolean completionEvidence;
    private byte[] peerVerifyData;
    private boolean engineRefused;
    /** The engine refused a record that was a warning: later records can only be read as alerts. */
    private boolean alertsOnly;
    /** The target protects its records by now: it sent its ChangeCipherSpec (1.2) or a protected record (1.3). */
    private boolean targetProtects;
    /** {@code continued} rests on records we could not open or verify; {@code peeked}: we looked for more. */
    private boolean continuedUnopened;
    private boolean peeked;
    private String continued;
    private String failure;
    /** The target (re)started a handshake on the established TLS 1.2 connection. */
    private Observation.Renegotiated renegotiated;
    /** The target's last word was an alert under keys we do not have. */
    private Observation.EncryptedAlert sealedAlert;
    /** The target ignored a post-handshake request; we closed to see whether it still reads our records. */
    private boolean closeProbeSent;

    TargetReader(PeerPlay play, Scenario scenario, Connection connection, Duration step, List<String> trace,
                 PeerSecrets secrets) {
        this.play = play;
        this.scenario = scenario;
        this.connection = connection;
        this.step = step;
        this.trace = trace;
        this.secrets = secrets;
    }

    Observation.Alert alert() {
        return alert;
    }

    /** A TLS 1.2 warning nothing has overtaken (yet): the reaction if the target says nothing more. */
    Observation.Alert warning() {
        return alert == null ? warning : null;
    }

    /**
     * Whether silence now leaves the pending warning as the reaction: it is the target's last word (no handshake
     * message of its followed it) and it speaks against the handshake. Silence after a warning the target went on
     * from is not a refusal; nor is silence after no_renegotiation, which declines a renegotiation (RFC 5246
     * §7.4.1.1, §7.2.2) and so refuses nothing of the handshake in progress.
     */
    boolean warningStandsOnSilence() {
        Observation.Alert w = warning();
        return w != null && !wentOnAfterWarning && w.description() != AlertDescription.NO_RENEGOTIATION;
    }

    Observation.EncryptedAlert sealedAlert() {
        return sealedAlert;
    }

    String continued() {
        return continued;
    }

    String failure() {
        return failure;
    }

    Observation.Renegotiated renegotiated() {
        return renegotiated;
    }

    boolean serverHelloSeen() {
        return serverHelloSeen;
    }

    boolean completionEvidence() {
        return completionEvidence;
    }

    byte[] peerVerifyData() {
        return peerVerifyData;
    }

    boolean closeProbeSent() {
        return closeProbeSent;
    }

    void closeProbeSent(boolean sent) {
        closeProbeSent = sent;
    }

    /** Feeds the target's records to our engine one at a time, so a refused record is known by type and size. */
    void receive(byte[] bytes) {
        List<byte[]> records = incoming.add(bytes);
        for (int i = 0; i < records.size(); i++) {
            byte[] rec = records.get(i);
            int type = rec[0] & 0xff;
            trace.add("target -> record " + RecordSplitter.typeName(type) + ", " + (rec.length - Records.HEADER)
                    + " byte(s)");
            boolean last = i == records.size() - 1 && !incoming.hasPartial();
            if (engineRefused) {
                if (continuedUnopened || alertsOnly) {
                    readAsAlert(rec, last);
                }
            } else {
                try {
                    play.engine().feed(rec);
                } catch (TlsAlertException e) {
                    engineRefused = true;
                    refused(e, rec, last);
                }
            }
            if (type == ContentType.CHANGE_CIPHER_SPEC.code() ? scenario.version() == TlsVersion.TLS_1_2
                    : type == ContentType.APPLICATION_DATA.code()) {
                targetProtects = true;
            }
        }
        if (continuedUnopened && !peeked && play.divergedAt() != HandshakeType.CLIENT_HELLO) {
            // A target that went on waits for us now; one that answered the original message and then refused
            // the changed one sends its alert right away (the JDK does, for a repeated ServerHelloDone). Nothing
            // comes before a ClientHello, so a server that answered a changed one has nothing to refuse late: it
            // judged the hello before its flight, and waiting a quarter step per scenario there only costs time
            // (53 unknown-extension scenarios: 27 s of a 33 s run against openssl s_server).
            peeked = true;
            Connection.Received r = connection.receive(step.dividedBy(4));
            if (r instanceof Connection.Received.Data data) {
                receive(data.bytes());
            } else if (r instanceof Connection.Received.Eof) {
                trace.add("target closed the connection");
            }
        }
    }

    /**
     * A record our engine did not take, read as an alert when it is one (under keys we lack, or in plaintext where
     * protection was due). After records we could not open it is a late refusal: the target answered what came
     * before the change, then refused the change (the JDK does so for a repeated ServerHelloDone or Finished).
     */
    private boolean readAsAlert(byte[] rec, boolean last) {
        Observation o = SealedAlerts.read(rec, last, scenario.version(), play.divergedAt(), secrets, trace,
                () -> SealedAlerts.closesRightAfter(connection, step, trace));
        if (o instanceof Observation.Alert a) {
            // Unprotected: an alert record of exactly the alert's two bytes (a TLS 1.2 alert sealed under keys we
            // had to derive keeps the alert type outside, but carries nonce and tag).
            boolean plaintext = (rec[0] & 0xff) == ContentType.ALERT.code() && rec.length - Records.HEADER == 2;
            a = plaintext ? carriedInPlaintext(a) : a;
            if (heldAsWarning(a)) {
                alertsOnly = true;
                return true;
            }
            alert = a;
        } else if (o instanceof Observation.EncryptedAlert sealed) {
            sealedAlert = sealed;
            trace.add("peer cannot open the target's alert-sized record: counted as an alert"
                    + (continuedUnopened ? ", sent after its answer to what preceded the change" : ""));
        } else {
            return false;
        }
        continued = null;
        continuedUnopened = false;
        return true;
    }

    /**
     * A TLS 1.2 warning that is not a closure alert does not end the connection by itself (RFC 5246 §7.2.2: "the
     * connection can continue normally"; no_renegotiation "is always a warning"), so it is the reaction only if
     * nothing follows: a fatal alert after it, or the handshake completing, says more. Where the scenario asks for
     * that warning (a declined renegotiation) it is the answer. TLS 1.3 treats every error alert as fatal (RFC 8446
     * §6.2).
     */
    private boolean provisional(Observation.Alert a) {
        return scenario.version() == TlsVersion.TLS_1_2 && a.level() == AlertLevel.WARNING && a.isError()
                && !(scenario.expected() instanceof Expectation.IgnoreOrWarn);
    }

    /** Keeps {@code a} as the pending {@link #warning} when it is {@link #provisional}; true if it was kept. */
    private boolean heldAsWarning(Observation.Alert a) {
        if (!provisional(a)) {
            return false;
        }
        warning = a;
        wentOnAfterWarning = false;
        trace.add("a warning need not end the connection (RFC 5246 §7.2.2): reading on");
        return true;
    }

    /**
     * An alert the target sent in plaintext, marked as unprotected once the target protects its records: after its
     * own ChangeCipherSpec (RFC 5246 §7.1) or, in TLS 1.3, after any protected record of its, under handshake or
     * application traffic keys (RFC 8446 §6: alerts follow the current connection state).
     */
    private Observation.Alert carriedInPlaintext(Observation.Alert a) {
        if (!targetProtects) {
            return a;
        }
        return a.carried(scenario.version() == TlsVersion.TLS_1_2
                ? Observation.Carriage.UNPROTECTED_AFTER_CHANGE_CIPHER_SPEC
                : Observation.Carriage.UNPROTECTED_UNDER_TRAFFIC_KEYS);
    }

    /** Our engine refused the target's record {@code rec}; {@code last}: nothing followed it (yet). */
    private void refused(TlsAlertException e, byte[] rec, boolean last) {
        if (alert != null || !e.sentByUs() || renegotiated != null) {
            // The target's own alert, or our engine refusing a renegotiation we already observed.
            return;
        }
        if (e.description() == AlertDescription.BAD_RECORD_MAC || e.description() == AlertDescription.UNEXPECTED_MESSAGE
                && (rec[0] & 0xff) == ContentType.ALERT.code()) {
            // A record we could not open, or an alert in plaintext where our engine reads under keys.
            if (readAsAlert(rec, last)) {
                return;
            }
        }
        // After the transcripts diverged, a record we cannot open or a Finished / CertificateVerify we cannot verify
        // means the target derived them from the changed bytes.
        HandshakeType divergedAt = play.divergedAt();
        if (divergedAt != null && (e.description() == AlertDescription.BAD_RECORD_MAC
                || e.description() == AlertDescription.DECRYPT_ERROR)) {
            continued = "the peer could not " + (e.description() == AlertDescription.BAD_RECORD_MAC
                    ? "decrypt" : "verify") + " what the target sent after " + divergedAt.rfcName()
                    + ", so the target used the modified transcript" + openedAsTarget(rec);
            continuedUnopened = true;
            return;
        }
        failure = "the test peer refused the target's messages: " + e.getMessage();
    }

    /**
     * Positive evidence for "continued": the record the peer could not open does open under the keys of the
     * transcript as it went over the wire (the changed message in it), as a handshake message of the target's.
     */
    private String openedAsTarget(byte[] rec) {
        TargetKeys.Opened opened = secrets.wire().open(rec);
        if (opened == null || opened.type() != ContentType.HANDSHAKE.code() || opened.content().length < 4) {
            return "";
        }
        String message = HandshakeType.fromCode(opened.content()[0] & 0xff).map(HandshakeType::rfcName)
                .orElse("handshake type " + (opened.content()[0] & 0xff));
        trace.add("target's record opens as " + message + " under the " + opened.how());
        return "; its record opens as " + message + " under the keys of the transcript on the wire";
    }

    /** Each record our engine opened: alerts, and application data as evidence of completion. */
    void onIncomingRecord(Record record) {
        if (record.contentType() == ContentType.ALERT.code() && record.content().length == 2 && alert == null) {
            int level = record.content()[0] & 0xff;
            int code = record.content()[1] & 0xff;
            if (code == AlertDescription.CLOSE_NOTIFY.code() && closeProbeSent) {
                trace.add("target -> close_notify answering the peer's");
                continued = "it ignored the request: silent for " + step.toMillis() + " ms, then it answered the "
                        + "peer's close_notify with its own";
                return;
            }
            if (code == AlertDescription.CLOSE_NOTIFY.code() && completionEvidence) {
                // An orderly close after answering (openssl s_server -www closes after its page).
                trace.add("target -> close_notify after completing");
                return;
            }
            if (code == AlertDescription.USER_CANCELED.code() && level == AlertLevel.WARNING.code()
                    && completionEvidence) {
                // SunJSSE closes a TLS 1.3 socket with user_canceled then close_notify even after the handshake
                // completed. RFC 8446 §6.1 prefers close_notify there, but the warning cancels nothing: the target
                // already answered our application data, so this is a close, not a refusal.
                trace.add("target -> warning user_canceled after completing (a close)");
                return;
            }
            Observation.Alert a = new Observation.Alert(AlertLevel.fromCode(level).orElse(null), code,
                    AlertDescription.fromCode(code).orElse(null));
            // The TLS 1.3 record layer takes a plaintext alert while it reads under handshake keys (a target that
            // failed before it had those keys can only alert in plaintext); once it protected records, it had them.
            if (record.epoch() == Epoch.PLAINTEXT) {
                a = carriedInPlaintext(a);
            }
            trace.add("target -> alert " + a.describe() + " (" + record.epoch().name().toLowerCase(Locale.ROOT) + ")");
            if (heldAsWarning(a)) {
                return;
            }
            alert = a;
        } else if (play.finalFlightSent() && record.epoch() == Epoch.APPLICATION
                && record.contentType() != ContentType.ALERT.code()) {
            completionEvidence = true;
        }
    }

    /** Each complete handshake message of the target's: the ServerHello, its Finished, a renegotiation. */
    void onIncomingHandshake(HandshakeFrame frame, Epoch epoch, String state) {
        trace.add("target -> " + frame.typeName() + " (" + epoch.name().toLowerCase(Locale.ROOT) + "), peer in "
                + state);
        secrets.wire().received(frame.raw());
        wentOnAfterWarning = warning != null;
        if (frame.typeCode() == HandshakeType.SERVER_HELLO.code() && frame.body().length >= 34
                && !Arrays.equals(Arrays.copyOfRange(frame.body(), 2, 34), ServerHello.HRR_RANDOM)) {
            serverHelloSeen = true;
        }
        if (frame.typeCode() == HandshakeType.FINISHED.code() && peerVerifyData == null) {
            peerVerifyData = frame.body().clone();
        }
        if (play.afterHandshakeDone() && renegotiated == null && scenario.version() == TlsVersion.TLS_1_2
                && play.ownVerifyData() != null && peerVerifyData != null) {
            renegotiated = Renegotiation.observe(frame, play.peerRole(), play.ownVerifyData(), peerVerifyData);
            if (renegotiated != null) {
                trace.add("target renegotiates: " + renegotiated.evidence());
            }
        }
    }
}
