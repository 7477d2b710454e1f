package tlsconf.model.tls13;

import static tlsconf.model.Citation.rfc8446;
import static tlsconf.model.Guard.ALWAYS;
import static tlsconf.model.Guard.CLIENT_AUTH;
import static tlsconf.model.Guard.CLIENT_CERT_EMPTY;
import static tlsconf.model.Guard.CLIENT_CERT_NON_EMPTY;
import static tlsconf.model.Guard.EARLY_ACCEPTED;
import static tlsconf.model.Guard.EARLY_REJECTED;
import static tlsconf.model.Guard.HRR;
import static tlsconf.model.Guard.POST_HANDSHAKE_AUTH;
import static tlsconf.model.Guard.RESUMPTION;
import static tlsconf.model.event.Event.received;
import static tlsconf.model.event.Event.sent;
import static tlsconf.model.event.MessageKind.APPLICATION_DATA;
import static tlsconf.model.event.MessageKind.CERTIFICATE;
import static tlsconf.model.event.MessageKind.CERTIFICATE_REQUEST;
import static tlsconf.model.event.MessageKind.CERTIFICATE_VERIFY;
import static tlsconf.model.event.MessageKind.CHANGE_CIPHER_SPEC;
import static tlsconf.model.event.MessageKind.CLIENT_HELLO;
import static tlsconf.model.event.MessageKind.CLOSE_NOTIFY;
import static tlsconf.model.event.MessageKind.ENCRYPTED_EXTENSIONS;
import static tlsconf.model.event.MessageKind.END_OF_EARLY_DATA;
import static tlsconf.model.event.MessageKind.FINISHED;
import static tlsconf.model.event.MessageKind.HELLO_RETRY_REQUEST;
import static tlsconf.model.event.MessageKind.KEY_UPDATE;
import static tlsconf.model.event.MessageKind.NEW_SESSION_TICKET;
import static tlsconf.model.event.MessageKind.SERVER_HELLO;
import static tlsconf.model.event.Protection.APPLICATION;
import static tlsconf.model.event.Protection.EARLY;
import static tlsconf.model.event.Protection.HANDSHAKE;
import static tlsconf.model.event.Protection.PLAINTEXT;
import static tlsconf.model.tls13.Tls13ServerState.*;

import java.util.EnumSet;
import tlsconf.model.Model;
import tlsconf.model.RunParameters;
import tlsconf.model.event.Protection;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** The TLS 1.3 server of RFC 8446 Appendix A.2 as a transition table. */
public final class Tls13ServerModel {

    private Tls13ServerModel() {
    }

    public static Model create() {
        return Model.builder(TlsVersion.TLS_1_3, Role.SERVER, Tls13ServerState.class)
                .initial(START)
                .connected(CONNECTED)
                .accepting(CLOSED)
                .peerFinishedReceivedIn(EnumSet.of(CONNECTED, PHA_WAIT_CERT, PHA_WAIT_CV, PHA_WAIT_FINISHED, CLOSED))
                .receiveKeys(Tls13ServerModel::receiveKeys)
                .step(START, received(CLIENT_HELLO, PLAINTEXT), ALWAYS, RECVD_CH,
                        rfc8446("A.2", "START: Recv ClientHello"))
                // HelloRetryRequest: the RFC's arrow back to START, kept apart so that a second HRR is refused
                .step(RECVD_CH, sent(HELLO_RETRY_REQUEST, PLAINTEXT), HRR, WAIT_CH2,
                        rfc8446("4.1.4", "a server lacking what it needs answers with a HelloRetryRequest"))
                .step(WAIT_CH2, received(CLIENT_HELLO, PLAINTEXT), HRR, RECVD_CH2,
                        rfc8446("4.1.2", "the client answers a HelloRetryRequest with a second ClientHello"))
                .step(RECVD_CH, sent(SERVER_HELLO, PLAINTEXT), HRR.not(), NEGOTIATED,
                        rfc8446("A.2", "NEGOTIATED: Send ServerHello, K_send = handshake"))
                .step(RECVD_CH2, sent(SERVER_HELLO, PLAINTEXT), ALWAYS, NEGOTIATED,
                        rfc8446("4.1.4", "after the second ClientHello the server sends its ServerHello"))
                .loops(EnumSet.of(WAIT_CH2, NEGOTIATED), sent(CHANGE_CIPHER_SPEC, PLAINTEXT), ALWAYS,
                        rfc8446("D.4", "middlebox mode: the server sends one CCS after its first handshake message"))
                // The server's flight
                .step(NEGOTIATED, sent(ENCRYPTED_EXTENSIONS, HANDSHAKE), ALWAYS, SENT_EE,
                        rfc8446("4.3.1", "EncryptedExtensions directly follows ServerHello"))
                .step(SENT_EE, sent(CERTIFICATE_REQUEST, HANDSHAKE), CLIENT_AUTH, SENT_CR,
                        rfc8446("4.3.2", "[Send CertificateRequest] when authenticating the client"))
                .step(SENT_EE, sent(CERTIFICATE, HANDSHAKE), CLIENT_AUTH.not().and(RESUMPTION.not()), SENT_CERT,
                        rfc8446("4.4.2", "[Send Certificate + CertificateVerify] unless authenticating with a PSK"))
                .step(SENT_EE, sent(FINISHED, HANDSHAKE), RESUMPTION.and(EARLY_ACCEPTED), WAIT_EOED,
                        rfc8446("A.2", "PSK: Send Finished; with 0-RTT: K_recv = early data, WAIT_EOED"))
                .step(SENT_EE, sent(FINISHED, HANDSHAKE), RESUMPTION.and(EARLY_ACCEPTED.not()), WAIT_FLIGHT2,
                        rfc8446("A.2", "PSK: Send Finished; without 0-RTT: WAIT_FLIGHT2"))
                .step(SENT_CR, sent(CERTIFICATE, HANDSHAKE), ALWAYS, SENT_CERT,
                        rfc8446("4.4.2", "the server Certificate follows its CertificateRequest"))
                .step(SENT_CERT, sent(CERTIFICATE_VERIFY, HANDSHAKE), ALWAYS, SENT_CV,
                        rfc8446("4.4.3", "a server Certificate is followed by CertificateVerify"))
                .step(SENT_CV, sent(FINISHED, HANDSHAKE), CLIENT_AUTH.not(), WAIT_FLIGHT2,
                        rfc8446("A.2", "Send Finished; no 0-RTT with certificate authentication: WAIT_FLIGHT2"))
                // the RFC's WAIT_FLIGHT2 --client auth--> WAIT_CERT takes no event: the Finished leads there
                .step(SENT_CV, sent(FINISHED, HANDSHAKE), CLIENT_AUTH, WAIT_CERT,
                        rfc8446("A.2", "Send Finished, WAIT_FLIGHT2 with client auth: WAIT_CERT"))
                .loops(EnumSet.of(WAIT_EOED, WAIT_FLIGHT2, WAIT_CERT), sent(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc8446("A.2", "the server can send application data after its Finished (0.5-RTT)"))
                .loops(EnumSet.of(WAIT_FLIGHT2), sent(NEW_SESSION_TICKET, APPLICATION), CLIENT_AUTH.not(),
                        rfc8446("4.6.1", "without client auth the server may send tickets right after its Finished"))
                // 0-RTT
                .loops(EnumSet.of(WAIT_EOED), received(APPLICATION_DATA, EARLY), ALWAYS,
                        rfc8446("A.2", "WAIT_EOED: Recv early data"))
                .step(WAIT_EOED, received(END_OF_EARLY_DATA, EARLY), ALWAYS, WAIT_FLIGHT2,
                        rfc8446("4.5", "EndOfEarlyData ends 0-RTT; K_recv = handshake"))
                .skipRecords(EnumSet.of(WAIT_CH2, RECVD_CH2, NEGOTIATED, SENT_EE, SENT_CR, SENT_CERT, SENT_CV,
                                WAIT_FLIGHT2, WAIT_CERT), EARLY, EARLY_REJECTED,
                        rfc8446("4.2.10", "a server rejecting 0-RTT skips the records it cannot decrypt "
                                + "(the client's early data)"))
                // The client's second flight
                .step(WAIT_CERT, received(CERTIFICATE, HANDSHAKE), CLIENT_CERT_NON_EMPTY, WAIT_CV,
                        rfc8446("A.2", "Recv Certificate (non-empty): WAIT_CV"))
                .step(WAIT_CERT, received(CERTIFICATE, HANDSHAKE), CLIENT_CERT_EMPTY, WAIT_FINISHED,
                        rfc8446("A.2", "Recv Certificate (empty): WAIT_FINISHED, no CertificateVerify"))
                .step(WAIT_CV, received(CERTIFICATE_VERIFY, HANDSHAKE), ALWAYS, WAIT_FINISHED,
                        rfc8446("4.4.3", "a non-empty client Certificate is followed by CertificateVerify"))
                .step(WAIT_FLIGHT2, received(FINISHED, HANDSHAKE), CLIENT_AUTH.not(), CONNECTED,
                        rfc8446("A.2", "WAIT_FLIGHT2, no auth: WAIT_FINISHED, Recv Finished: CONNECTED"))
                .step(WAIT_FINISHED, received(FINISHED, HANDSHAKE), ALWAYS, CONNECTED,
                        rfc8446("A.2", "WAIT_FINISHED: Recv Finished, K_recv = application"))
                // Post-handshake
                .loops(EnumSet.of(CONNECTED), sent(NEW_SESSION_TICKET, APPLICATION), ALWAYS,
                        rfc8446("4.6.1", "the server may send NewSessionTicket after the client Finished"))
                .loops(EnumSet.of(CONNECTED), received(KEY_UPDATE, APPLICATION), ALWAYS,
                        rfc8446("4.6.3", "either side may send KeyUpdate after its Finished"))
                .loops(EnumSet.of(CONNECTED), sent(KEY_UPDATE, APPLICATION), ALWAYS,
                        rfc8446("4.6.3", "either side may send KeyUpdate after its Finished"))
                .loops(EnumSet.of(CONNECTED), received(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc8446("2", "application data flows under application keys"))
                .loops(EnumSet.of(CONNECTED), sent(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc8446("2", "application data flows under application keys"))
                // Post-handshake authentication
                .step(CONNECTED, sent(CERTIFICATE_REQUEST, APPLICATION), POST_HANDSHAKE_AUTH, PHA_WAIT_CERT,
                        rfc8446("4.6.2", "after the handshake a server may request a certificate from a client "
                                + "that offered post_handshake_auth"))
                .loops(EnumSet.of(PHA_WAIT_CERT), received(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc8446("4.6.2", "servers must be prepared for other messages before the answer"))
                .step(PHA_WAIT_CERT, received(CERTIFICATE, APPLICATION), CLIENT_CERT_NON_EMPTY, PHA_WAIT_CV,
                        rfc8446("4.6.2", "the client answers with Certificate, CertificateVerify and Finished"))
                .step(PHA_WAIT_CERT, received(CERTIFICATE, APPLICATION), CLIENT_CERT_EMPTY, PHA_WAIT_FINISHED,
                        rfc8446("4.6.2", "a client declining sends an empty Certificate followed by Finished"))
                .step(PHA_WAIT_CV, received(CERTIFICATE_VERIFY, APPLICATION), ALWAYS, PHA_WAIT_FINISHED,
                        rfc8446("4.6.2", "a non-empty Certificate is followed by CertificateVerify"))
                .step(PHA_WAIT_FINISHED, received(FINISHED, APPLICATION), ALWAYS, CONNECTED,
                        rfc8446("4.6.2", "the client's Finished ends its answer"))
                .step(CONNECTED, sent(CLOSE_NOTIFY, APPLICATION), ALWAYS, CLOSED,
                        rfc8446("6.1", "either side may close with close_notify"))
                .step(CONNECTED, received(CLOSE_NOTIFY, APPLICATION), ALWAYS, CLOSED,
                        rfc8446("6.1", "either side may close with close_notify"))
                // Middlebox compatibility (RFC 8446 §5, D.4)
                .ignore(EnumSet.of(RECVD_CH, WAIT_CH2, RECVD_CH2, NEGOTIATED, SENT_EE, SENT_CR, SENT_CERT, SENT_CV,
                                WAIT_EOED, WAIT_FLIGHT2, WAIT_CERT, WAIT_CV, WAIT_FINISHED),
                        received(CHANGE_CIPHER_SPEC, PLAINTEXT), ALWAYS,
                        rfc8446("5", "a plaintext CCS of value 0x01 between the first ClientHello and the peer's "
                                + "Finished is dropped"))
                .build();
    }

    static Protection receiveKeys(Tls13ServerState state, RunParameters p) {
        return switch (state) {
            case START, RECVD_CH, WAIT_CH2, RECVD_CH2 -> PLAINTEXT;
            case NEGOTIATED, SENT_EE, SENT_CR, SENT_CERT, SENT_CV -> p.earlyDataAccepted() ? EARLY : HANDSHAKE;
            case WAIT_EOED -> EARLY;
            case WAIT_FLIGHT2, WAIT_CERT, WAIT_CV, WAIT_FINISHED -> HANDSHAKE;
            case CONNECTED, PHA_WAIT_CERT, PHA_WAIT_CV, PHA_WAIT_FINISHED, CLOSED -> APPLICATION;
        };
    }
}
