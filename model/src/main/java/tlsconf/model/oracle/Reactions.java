package tlsconf.model.oracle;

import static tlsconf.model.Citation.rfc5246;
import static tlsconf.model.Citation.rfc8422;
import static tlsconf.model.Citation.rfc8446;
import static tlsconf.model.vocabulary.AlertDescription.BAD_RECORD_MAC;
import static tlsconf.model.vocabulary.AlertDescription.DECODE_ERROR;
import static tlsconf.model.vocabulary.AlertDescription.ILLEGAL_PARAMETER;
import static tlsconf.model.vocabulary.AlertDescription.UNEXPECTED_MESSAGE;

import tlsconf.model.Model;
import tlsconf.model.RunParameters;
import tlsconf.model.State;
import tlsconf.model.event.Event;
import tlsconf.model.event.MessageKind;
import tlsconf.model.event.Protection;
import tlsconf.model.tls12.Tls12ClientState;
import tlsconf.model.tls12.Tls12ServerState;
import tlsconf.model.tls13.Tls13ClientState;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The rule catalogue for events the transition table does not allow: which reaction the RFC prescribes. Rules
 * are tried from the most specific (a second HelloRetryRequest, §4.1.4) to the general one (a message out of
 * order is unexpected_message, RFC 8446 §4, RFC 5246 §7.4).
 */
final class Reactions {

    private Reactions() {
    }

    static Reaction forRejected(Model model, State state, Event event, RunParameters params) {
        if (event.isSent()) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE, general(model, event),
                    "the " + model.role().cliName() + " itself sent " + event.kind().label() + " out of order");
        }
        return model.version() == TlsVersion.TLS_1_3
                ? tls13(model, state, event, params)
                : tls12(model, state, event, params);
    }

    private static Reaction tls13(Model model, State state, Event event, RunParameters params) {
        MessageKind kind = event.kind();
        Protection expected = model.receiveKeys(state, params);
        if (kind == MessageKind.CHANGE_CIPHER_SPEC_INVALID) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8446("5", "a change_cipher_spec value other than 0x01 is unexpected_message"),
                    "ChangeCipherSpec with a value other than 0x01");
        }
        if (kind == MessageKind.CHANGE_CIPHER_SPEC) {
            if (event.protection().encrypted()) {
                return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                        rfc8446("5", "a protected change_cipher_spec record is unexpected_message"),
                        "encrypted ChangeCipherSpec");
            }
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8446("5", "a CCS before the first ClientHello or after the peer's Finished is an "
                            + "unexpected record type"),
                    "ChangeCipherSpec outside the middlebox window");
        }
        Reaction alert = alertRule(model, kind);
        if (alert != null) {
            return alert;
        }
        if (event.protection() != expected) {
            return wrongKeys13(event, expected);
        }
        if (kind == MessageKind.KEY_UPDATE && !model.peerFinishedReceived(state)) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8446("4.6.3", "a KeyUpdate before the peer's Finished is unexpected_message"),
                    "KeyUpdate before Finished");
        }
        if (kind == MessageKind.HELLO_RETRY_REQUEST && state == Tls13ClientState.WAIT_SH_AFTER_HRR) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8446("4.1.4", "a second HelloRetryRequest in one connection is unexpected_message"),
                    "second HelloRetryRequest");
        }
        if (kind == MessageKind.CLIENT_HELLO && model.role() == Role.SERVER && model.peerFinishedReceived(state)) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8446("4.1.2", "TLS 1.3 forbids renegotiation: a later ClientHello is unexpected_message"),
                    "ClientHello after the handshake");
        }
        if (kind == MessageKind.END_OF_EARLY_DATA && model.role() == Role.CLIENT) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8446("4.5", "a client receiving EndOfEarlyData aborts with unexpected_message"),
                    "EndOfEarlyData sent by the server");
        }
        if (kind == MessageKind.CERTIFICATE_REQUEST && model.role() == Role.CLIENT
                && model.peerFinishedReceived(state) && !params.postHandshakeAuth()) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8446("4.6.2", "a CertificateRequest without post_handshake_auth offered is unexpected_message"),
                    "post-handshake CertificateRequest not offered");
        }
        if (kind == MessageKind.APPLICATION_DATA && !model.peerFinishedReceived(state)) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8446("6.2", "premature application data is unexpected_message (data flows after the "
                            + "peer's Finished, or as accepted 0-RTT)"),
                    "application data before Finished");
        }
        return Reaction.Abort.with(UNEXPECTED_MESSAGE, general(model, event), kind.label() + " out of order in "
                + state.name());
    }

    /** A record under the wrong keys (TLS 1.3). */
    private static Reaction wrongKeys13(Event event, Protection expected) {
        if (!event.protection().encrypted()) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8446("5.2", "once keys are in use every record is protected; an unprotected "
                            + event.kind().contentType().name().toLowerCase(java.util.Locale.ROOT)
                            + " record is unexpected"),
                    event.kind().label() + " in plaintext where " + expected.shortName() + " keys are due");
        }
        if (!expected.encrypted()) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8446("5", "a protected (application_data) record before any keys is an unexpected record"),
                    "encrypted " + event.kind().label() + " where plaintext is due");
        }
        return Reaction.Abort.with(BAD_RECORD_MAC,
                rfc8446("5.2", "a record that does not decrypt under the current keys is bad_record_mac"),
                event.kind().label() + " under " + event.protection().shortName() + " keys where "
                        + expected.shortName() + " keys are due");
    }

    private static Reaction tls12(Model model, State state, Event event, RunParameters params) {
        MessageKind kind = event.kind();
        Protection expected = model.receiveKeys(state, params);
        if (kind == MessageKind.CHANGE_CIPHER_SPEC_INVALID) {
            return Reaction.Abort.with(rfc5246("7.1", "ChangeCipherSpec is a single byte of value 1; another "
                            + "value does not decode"),
                    "ChangeCipherSpec with a value other than 1", DECODE_ERROR, ILLEGAL_PARAMETER, UNEXPECTED_MESSAGE);
        }
        Reaction alert = alertRule(model, kind);
        if (alert != null) {
            return alert;
        }
        // a missing mandatory message, whatever arrives instead
        if (state == Tls12ClientState.WAIT_SKE && kind != MessageKind.SERVER_KEY_EXCHANGE) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc8422("5.4", "with ECDHE the ServerKeyExchange is mandatory (CVE-2014-3572)"),
                    "ECDHE without ServerKeyExchange");
        }
        if (state == Tls12ServerState.WAIT_CV && kind != MessageKind.CERTIFICATE_VERIFY) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc5246("7.4.8", "a client certificate with signing ability is followed by CertificateVerify "
                            + "(CVE-2015-0205)"),
                    kind.label() + " without the CertificateVerify");
        }
        if (kind == MessageKind.CHANGE_CIPHER_SPEC) {
            tlsconf.model.Citation c = rfc5246("7.1", "ChangeCipherSpec is due only after the key exchange, right "
                    + "before Finished (the CCS-injection bug, CVE-2014-0224)");
            String violation = "ChangeCipherSpec out of order in " + state.name();
            // under the wrong keys the receiver may first notice the failed MAC
            return event.protection() != expected
                    ? Reaction.Abort.with(c, violation, UNEXPECTED_MESSAGE, BAD_RECORD_MAC)
                    : Reaction.Abort.with(UNEXPECTED_MESSAGE, c, violation);
        }
        boolean waitCcs = state == Tls12ClientState.WAIT_CCS || state == Tls12ServerState.WAIT_CCS;
        if (kind == MessageKind.FINISHED && waitCcs) {
            return Reaction.Abort.with(rfc5246("7.4.9", "Finished is always immediately preceded by a "
                            + "ChangeCipherSpec (CVE-2014-6593)"),
                    "Finished without a preceding ChangeCipherSpec", UNEXPECTED_MESSAGE, DECODE_ERROR, BAD_RECORD_MAC);
        }
        if (event.protection() != expected) {
            if (expected.encrypted()) {
                return Reaction.Abort.with(BAD_RECORD_MAC,
                        rfc5246("7.2.2", "after ChangeCipherSpec every record is protected; one that fails the "
                                + "MAC check is bad_record_mac"),
                        event.kind().label() + " not protected by the connection keys");
            }
            return Reaction.Abort.with(rfc5246("7.4", "before ChangeCipherSpec records are plaintext; an "
                            + "encrypted one does not parse as the message due"),
                    "encrypted " + kind.label() + " where plaintext is due", UNEXPECTED_MESSAGE, DECODE_ERROR);
        }
        if (kind == MessageKind.SERVER_KEY_EXCHANGE && state == Tls12ClientState.WAIT_CR_OR_SHD
                && params.keyExchange() == RunParameters.KeyExchange.RSA) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc5246("7.4.3", "ServerKeyExchange MUST NOT be sent for RSA key exchange (FREAK)"),
                    "ServerKeyExchange in an RSA key exchange");
        }
        if (kind == MessageKind.APPLICATION_DATA && !model.peerFinishedReceived(state)) {
            return Reaction.Abort.with(UNEXPECTED_MESSAGE,
                    rfc5246("7.2.2", "application data before the handshake completes is an inappropriate message"),
                    "application data before Finished");
        }
        return Reaction.Abort.with(UNEXPECTED_MESSAGE, general(model, event), kind.label() + " out of order in "
                + state.name());
    }

    /** close_notify or a no_renegotiation warning where none belongs: the connection ends without a handshake. */
    private static Reaction alertRule(Model model, MessageKind kind) {
        if (kind.contentType() != ContentType.ALERT) {
            return null;
        }
        if (model.version() == TlsVersion.TLS_1_3) {
            return new Reaction.Close(rfc8446("6", "an alert other than close_notify or user_canceled ends the "
                    + "connection; close_notify closes the peer's side"), kind.label() + " during the handshake");
        }
        return new Reaction.Close(rfc5246("7.2.1", "close_notify (or an unexpected warning) ends the handshake; "
                + "the connection is not completed"), kind.label() + " during the handshake");
    }

    /** The general rule: a message out of order is unexpected_message. */
    private static tlsconf.model.Citation general(Model model, Event event) {
        boolean handshake = event.kind().contentType() == ContentType.HANDSHAKE;
        if (model.version() == TlsVersion.TLS_1_3) {
            return handshake
                    ? rfc8446("4", "a handshake message in an unexpected order is unexpected_message")
                    : rfc8446("6.2", "an inappropriate message (wrong type, wrong time) is unexpected_message");
        }
        return handshake
                ? rfc5246("7.4", "handshake messages in an unexpected order are a fatal error")
                : rfc5246("7.2.2", "an inappropriate message is unexpected_message");
    }
}
