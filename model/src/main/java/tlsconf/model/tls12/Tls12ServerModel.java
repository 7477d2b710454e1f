package tlsconf.model.tls12;

import static tlsconf.model.Citation.rfc5077;
import static tlsconf.model.Citation.rfc5246;
import static tlsconf.model.Citation.rfc8422;
import static tlsconf.model.Guard.ALWAYS;
import static tlsconf.model.Guard.CLIENT_AUTH;
import static tlsconf.model.Guard.CLIENT_CERT_NON_EMPTY;
import static tlsconf.model.Guard.ECDHE;
import static tlsconf.model.Guard.RESUMPTION;
import static tlsconf.model.Guard.RSA;
import static tlsconf.model.Guard.TICKET;
import static tlsconf.model.event.Event.received;
import static tlsconf.model.event.Event.sent;
import static tlsconf.model.event.MessageKind.APPLICATION_DATA;
import static tlsconf.model.event.MessageKind.CERTIFICATE;
import static tlsconf.model.event.MessageKind.CERTIFICATE_REQUEST;
import static tlsconf.model.event.MessageKind.CERTIFICATE_VERIFY;
import static tlsconf.model.event.MessageKind.CHANGE_CIPHER_SPEC;
import static tlsconf.model.event.MessageKind.CLIENT_HELLO;
import static tlsconf.model.event.MessageKind.CLIENT_KEY_EXCHANGE;
import static tlsconf.model.event.MessageKind.CLOSE_NOTIFY;
import static tlsconf.model.event.MessageKind.FINISHED;
import static tlsconf.model.event.MessageKind.NEW_SESSION_TICKET;
import static tlsconf.model.event.MessageKind.NO_RENEGOTIATION;
import static tlsconf.model.event.MessageKind.SERVER_HELLO;
import static tlsconf.model.event.MessageKind.SERVER_HELLO_DONE;
import static tlsconf.model.event.MessageKind.SERVER_KEY_EXCHANGE;
import static tlsconf.model.event.Protection.APPLICATION;
import static tlsconf.model.event.Protection.PLAINTEXT;
import static tlsconf.model.tls12.Tls12ServerState.*;

import java.util.EnumSet;
import tlsconf.model.Model;
import tlsconf.model.RunParameters;
import tlsconf.model.event.Protection;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The TLS 1.2 server: RFC 5246 Figures 1 and 2, RFC 5077 tickets, and a renegotiation refused with the
 * no_renegotiation warning (RFC 5246 §7.2.2).
 */
public final class Tls12ServerModel {

    private Tls12ServerModel() {
    }

    public static Model create() {
        return Model.builder(TlsVersion.TLS_1_2, Role.SERVER, Tls12ServerState.class)
                .initial(START)
                .connected(CONNECTED)
                .accepting(CLOSED)
                .peerFinishedReceivedIn(EnumSet.of(SEND_NST, SEND_CCS, SEND_FINISHED, CONNECTED,
                        RENEGOTIATION_REFUSED, CLOSED))
                .receiveKeys(Tls12ServerModel::receiveKeys)
                .step(START, received(CLIENT_HELLO, PLAINTEXT), ALWAYS, SEND_SH,
                        rfc5246("7.4.1.2", "the client opens the handshake with a ClientHello"))
                // Full handshake (Figure 1)
                .step(SEND_SH, sent(SERVER_HELLO, PLAINTEXT), RESUMPTION.not(), SEND_CERT,
                        rfc5246("7.3", "Figure 1: ServerHello, then the server Certificate"))
                .step(SEND_CERT, sent(CERTIFICATE, PLAINTEXT), ECDHE, SEND_SKE,
                        rfc8422("5.4", "with ECDHE the server sends a ServerKeyExchange after its Certificate"))
                .step(SEND_CERT, sent(CERTIFICATE, PLAINTEXT), RSA, SEND_CR_OR_SHD,
                        rfc5246("7.4.3", "RSA key exchange: the server MUST NOT send a ServerKeyExchange"))
                .step(SEND_SKE, sent(SERVER_KEY_EXCHANGE, PLAINTEXT), ALWAYS, SEND_CR_OR_SHD,
                        rfc5246("7.4.3", "ServerKeyExchange follows the server Certificate"))
                .step(SEND_CR_OR_SHD, sent(CERTIFICATE_REQUEST, PLAINTEXT), CLIENT_AUTH, SEND_SHD,
                        rfc5246("7.4.4", "a server may request a client certificate before ServerHelloDone"))
                .step(SEND_CR_OR_SHD, sent(SERVER_HELLO_DONE, PLAINTEXT), CLIENT_AUTH.not(), WAIT_CKE,
                        rfc5246("7.4.5", "ServerHelloDone ends the server's hello messages"))
                .step(SEND_SHD, sent(SERVER_HELLO_DONE, PLAINTEXT), ALWAYS, WAIT_CERT,
                        rfc5246("7.4.5", "ServerHelloDone ends the server's hello messages"))
                .step(WAIT_CERT, received(CERTIFICATE, PLAINTEXT), ALWAYS, WAIT_CKE,
                        rfc5246("7.4.6", "the client's first message after ServerHelloDone is its Certificate"))
                .step(WAIT_CKE, received(CLIENT_KEY_EXCHANGE, PLAINTEXT), CLIENT_CERT_NON_EMPTY, WAIT_CV,
                        rfc5246("7.4.7", "ClientKeyExchange follows the client Certificate"))
                .step(WAIT_CKE, received(CLIENT_KEY_EXCHANGE, PLAINTEXT), CLIENT_CERT_NON_EMPTY.not(), WAIT_CCS,
                        rfc5246("7.4.7", "ClientKeyExchange carries the premaster secret or the client share"))
                .step(WAIT_CV, received(CERTIFICATE_VERIFY, PLAINTEXT), ALWAYS, WAIT_CCS,
                        rfc5246("7.4.8", "a client certificate with signing ability is followed by CertificateVerify"))
                .step(WAIT_CCS, received(CHANGE_CIPHER_SPEC, PLAINTEXT), ALWAYS, WAIT_FINISHED,
                        rfc5246("7.1", "the client's ChangeCipherSpec switches the read side to the new keys"))
                .step(WAIT_FINISHED, received(FINISHED, APPLICATION), RESUMPTION.not().and(TICKET), SEND_NST,
                        rfc5077("3.3", "the server sends NewSessionTicket before its ChangeCipherSpec"))
                .step(WAIT_FINISHED, received(FINISHED, APPLICATION), RESUMPTION.not().and(TICKET.not()), SEND_CCS,
                        rfc5246("7.3", "Figure 1: the server answers the client Finished with CCS and Finished"))
                .step(SEND_NST, sent(NEW_SESSION_TICKET, PLAINTEXT), ALWAYS, SEND_CCS,
                        rfc5077("3.3", "NewSessionTicket comes right before the server ChangeCipherSpec"))
                .step(SEND_CCS, sent(CHANGE_CIPHER_SPEC, PLAINTEXT), ALWAYS, SEND_FINISHED,
                        rfc5246("7.1", "ChangeCipherSpec switches the write side to the new keys"))
                .step(SEND_FINISHED, sent(FINISHED, APPLICATION), RESUMPTION.not(), CONNECTED,
                        rfc5246("7.4.9", "the server Finished completes the full handshake"))
                // Abbreviated handshake (Figure 2)
                .step(SEND_SH, sent(SERVER_HELLO, PLAINTEXT), RESUMPTION.and(TICKET), SEND_NST,
                        rfc5077("3.1", "resumption with a renewed ticket: NewSessionTicket follows ServerHello"))
                .step(SEND_SH, sent(SERVER_HELLO, PLAINTEXT), RESUMPTION.and(TICKET.not()), SEND_CCS,
                        rfc5246("7.3", "Figure 2: the server resumes; ChangeCipherSpec follows ServerHello"))
                .step(SEND_FINISHED, sent(FINISHED, APPLICATION), RESUMPTION, WAIT_CCS,
                        rfc5246("7.3", "Figure 2: the client answers the server Finished with CCS and Finished"))
                .step(WAIT_FINISHED, received(FINISHED, APPLICATION), RESUMPTION, CONNECTED,
                        rfc5246("7.3", "Figure 2: the client Finished completes the abbreviated handshake"))
                // After the handshake
                .loops(EnumSet.of(CONNECTED), received(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc5246("6.2", "application data flows under the connection keys"))
                .loops(EnumSet.of(CONNECTED), sent(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc5246("6.2", "application data flows under the connection keys"))
                .step(CONNECTED, received(CLIENT_HELLO, APPLICATION), ALWAYS, RENEGOTIATION_REFUSED,
                        rfc5246("7.4.1.2", "a client may send a ClientHello to renegotiate"))
                .step(RENEGOTIATION_REFUSED, sent(NO_RENEGOTIATION, APPLICATION), ALWAYS, CONNECTED,
                        rfc5246("7.2.2", "a server refusing renegotiation answers with no_renegotiation (or a "
                                + "fatal handshake_failure)"))
                .step(CONNECTED, sent(CLOSE_NOTIFY, APPLICATION), ALWAYS, CLOSED,
                        rfc5246("7.2.1", "either side may close with close_notify"))
                .step(CONNECTED, received(CLOSE_NOTIFY, APPLICATION), ALWAYS, CLOSED,
                        rfc5246("7.2.1", "either side may close with close_notify"))
                .build();
    }

    static Protection receiveKeys(Tls12ServerState state, RunParameters p) {
        return switch (state) {
            case START, SEND_SH, SEND_CERT, SEND_SKE, SEND_CR_OR_SHD, SEND_SHD, WAIT_CERT, WAIT_CKE, WAIT_CV,
                    WAIT_CCS -> PLAINTEXT;
            case SEND_NST, SEND_CCS, SEND_FINISHED -> p.resumption() ? PLAINTEXT : APPLICATION;
            case WAIT_FINISHED, CONNECTED, RENEGOTIATION_REFUSED, CLOSED -> APPLICATION;
        };
    }
}
