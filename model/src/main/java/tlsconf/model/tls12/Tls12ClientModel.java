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
import static tlsconf.model.event.MessageKind.HELLO_REQUEST;
import static tlsconf.model.event.MessageKind.NEW_SESSION_TICKET;
import static tlsconf.model.event.MessageKind.NO_RENEGOTIATION;
import static tlsconf.model.event.MessageKind.SERVER_HELLO;
import static tlsconf.model.event.MessageKind.SERVER_HELLO_DONE;
import static tlsconf.model.event.MessageKind.SERVER_KEY_EXCHANGE;
import static tlsconf.model.event.Protection.APPLICATION;
import static tlsconf.model.event.Protection.PLAINTEXT;
import static tlsconf.model.tls12.Tls12ClientState.*;

import java.util.EnumSet;
import tlsconf.model.Model;
import tlsconf.model.RunParameters;
import tlsconf.model.event.Protection;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The TLS 1.2 client: RFC 5246 Figure 1 (full handshake, RSA or ECDHE key exchange, optional client
 * authentication), Figure 2 (abbreviated handshake), RFC 5077 tickets and a refused renegotiation.
 */
public final class Tls12ClientModel {

    private Tls12ClientModel() {
    }

    public static Model create() {
        return Model.builder(TlsVersion.TLS_1_2, Role.CLIENT, Tls12ClientState.class)
                .initial(START)
                .connected(CONNECTED)
                .accepting(HELLO_REQUESTED, CLOSED)
                .peerFinishedReceivedIn(EnumSet.of(CONNECTED, HELLO_REQUESTED, CLOSED))
                .receiveKeys(Tls12ClientModel::receiveKeys)
                .step(START, sent(CLIENT_HELLO, PLAINTEXT), ALWAYS, WAIT_SH,
                        rfc5246("7.4.1.2", "the client opens the handshake with a ClientHello"))
                // Full handshake (Figure 1)
                .step(WAIT_SH, received(SERVER_HELLO, PLAINTEXT), RESUMPTION.not(), WAIT_CERT,
                        rfc5246("7.3", "Figure 1: ServerHello, then the server Certificate"))
                .step(WAIT_CERT, received(CERTIFICATE, PLAINTEXT), ECDHE, WAIT_SKE,
                        rfc8422("5.4", "with ECDHE the server sends a ServerKeyExchange after its Certificate"))
                .step(WAIT_CERT, received(CERTIFICATE, PLAINTEXT), RSA, WAIT_CR_OR_SHD,
                        rfc5246("7.4.3", "RSA key exchange: the server MUST NOT send a ServerKeyExchange"))
                .step(WAIT_SKE, received(SERVER_KEY_EXCHANGE, PLAINTEXT), ALWAYS, WAIT_CR_OR_SHD,
                        rfc5246("7.4.3", "ServerKeyExchange follows the server Certificate"))
                .step(WAIT_CR_OR_SHD, received(CERTIFICATE_REQUEST, PLAINTEXT), CLIENT_AUTH, WAIT_SHD,
                        rfc5246("7.4.4", "a server may request a client certificate before ServerHelloDone"))
                .step(WAIT_CR_OR_SHD, received(SERVER_HELLO_DONE, PLAINTEXT), CLIENT_AUTH.not(), SEND_CKE,
                        rfc5246("7.4.5", "ServerHelloDone ends the server's hello messages"))
                .step(WAIT_SHD, received(SERVER_HELLO_DONE, PLAINTEXT), ALWAYS, SEND_CERT,
                        rfc5246("7.4.5", "ServerHelloDone ends the server's hello messages"))
                .step(SEND_CERT, sent(CERTIFICATE, PLAINTEXT), ALWAYS, SEND_CKE,
                        rfc5246("7.4.6", "the client answers a CertificateRequest with a Certificate, "
                                + "empty if it has none"))
                .step(SEND_CKE, sent(CLIENT_KEY_EXCHANGE, PLAINTEXT), CLIENT_CERT_NON_EMPTY, SEND_CV,
                        rfc5246("7.4.7", "ClientKeyExchange follows the client Certificate"))
                .step(SEND_CKE, sent(CLIENT_KEY_EXCHANGE, PLAINTEXT), CLIENT_CERT_NON_EMPTY.not(), SEND_CCS,
                        rfc5246("7.4.7", "ClientKeyExchange carries the premaster secret or the client share"))
                .step(SEND_CV, sent(CERTIFICATE_VERIFY, PLAINTEXT), ALWAYS, SEND_CCS,
                        rfc5246("7.4.8", "a client certificate with signing ability is followed by CertificateVerify"))
                .step(SEND_CCS, sent(CHANGE_CIPHER_SPEC, PLAINTEXT), ALWAYS, SEND_FINISHED,
                        rfc5246("7.1", "ChangeCipherSpec switches the write side to the new keys"))
                .step(SEND_FINISHED, sent(FINISHED, APPLICATION), RESUMPTION.not().and(TICKET), WAIT_NST,
                        rfc5077("3.3", "a server that announced a ticket sends NewSessionTicket before its CCS"))
                .step(SEND_FINISHED, sent(FINISHED, APPLICATION), RESUMPTION.not().and(TICKET.not()), WAIT_CCS,
                        rfc5246("7.4.9", "Finished directly follows ChangeCipherSpec"))
                .step(WAIT_NST, received(NEW_SESSION_TICKET, PLAINTEXT), ALWAYS, WAIT_CCS,
                        rfc5077("3.3", "NewSessionTicket comes right before the server ChangeCipherSpec"))
                .step(WAIT_CCS, received(CHANGE_CIPHER_SPEC, PLAINTEXT), ALWAYS, WAIT_FINISHED,
                        rfc5246("7.1", "the server's ChangeCipherSpec switches the read side to the new keys"))
                .step(WAIT_FINISHED, received(FINISHED, APPLICATION), RESUMPTION.not(), CONNECTED,
                        rfc5246("7.4.9", "the server Finished completes the full handshake"))
                // Abbreviated handshake (Figure 2)
                .step(WAIT_SH, received(SERVER_HELLO, PLAINTEXT), RESUMPTION.and(TICKET), WAIT_NST,
                        rfc5077("3.1", "resumption with a renewed ticket: NewSessionTicket follows ServerHello"))
                .step(WAIT_SH, received(SERVER_HELLO, PLAINTEXT), RESUMPTION.and(TICKET.not()), WAIT_CCS,
                        rfc5246("7.3", "Figure 2: the server resumes; ChangeCipherSpec follows ServerHello"))
                .step(WAIT_FINISHED, received(FINISHED, APPLICATION), RESUMPTION, SEND_CCS,
                        rfc5246("7.3", "Figure 2: after the server Finished the client sends CCS and Finished"))
                .step(SEND_FINISHED, sent(FINISHED, APPLICATION), RESUMPTION, CONNECTED,
                        rfc5246("7.3", "Figure 2: the client Finished completes the abbreviated handshake"))
                // After the handshake
                .loops(EnumSet.of(CONNECTED), received(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc5246("6.2", "application data flows under the connection keys"))
                .loops(EnumSet.of(CONNECTED), sent(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc5246("6.2", "application data flows under the connection keys"))
                .step(CONNECTED, received(HELLO_REQUEST, APPLICATION), ALWAYS, HELLO_REQUESTED,
                        rfc5246("7.4.1.1", "the server MAY send HelloRequest at any time"))
                .step(HELLO_REQUESTED, sent(NO_RENEGOTIATION, APPLICATION), ALWAYS, CONNECTED,
                        rfc5246("7.4.1.1", "a client not renegotiating may answer with a no_renegotiation warning"))
                .step(HELLO_REQUESTED, sent(APPLICATION_DATA, APPLICATION), ALWAYS, CONNECTED,
                        rfc5246("7.4.1.1", "a client not renegotiating MAY ignore the HelloRequest"))
                .loops(EnumSet.of(HELLO_REQUESTED), received(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc5246("7.4.1.1", "application data may still arrive while the request is pending"))
                .step(HELLO_REQUESTED, sent(CLOSE_NOTIFY, APPLICATION), ALWAYS, CLOSED,
                        rfc5246("7.2.1", "either side may close with close_notify"))
                .step(HELLO_REQUESTED, received(CLOSE_NOTIFY, APPLICATION), ALWAYS, CLOSED,
                        rfc5246("7.4.1.1", "a server not answered with a ClientHello may close the connection"))
                .step(CONNECTED, sent(CLOSE_NOTIFY, APPLICATION), ALWAYS, CLOSED,
                        rfc5246("7.2.1", "either side may close with close_notify"))
                .step(CONNECTED, received(CLOSE_NOTIFY, APPLICATION), ALWAYS, CLOSED,
                        rfc5246("7.2.1", "either side may close with close_notify"))
                .ignore(EnumSet.of(WAIT_SH, WAIT_CERT, WAIT_SKE, WAIT_CR_OR_SHD, WAIT_SHD, WAIT_NST, WAIT_CCS),
                        received(HELLO_REQUEST, PLAINTEXT), ALWAYS,
                        rfc5246("7.4.1.1", "a HelloRequest is ignored while a handshake is in progress"))
                // Between the server's ChangeCipherSpec and its Finished the client is still negotiating, so the
                // request is ignored there too, now under the new keys. §7.4.9 ("Finished immediately after
                // ChangeCipherSpec") binds the sender; §7.4.1.1 is the rule for the receiving client, and the
                // request is outside the handshake hashes, so ignoring it leaves the Finished check intact.
                .ignore(EnumSet.of(WAIT_FINISHED), received(HELLO_REQUEST, APPLICATION), ALWAYS,
                        rfc5246("7.4.1.1", "a HelloRequest is ignored while a handshake is in progress"))
                .build();
    }

    static Protection receiveKeys(Tls12ClientState state, RunParameters p) {
        return switch (state) {
            case START, WAIT_SH, WAIT_CERT, WAIT_SKE, WAIT_CR_OR_SHD, WAIT_SHD, SEND_CERT, SEND_CKE, SEND_CV,
                    WAIT_NST, WAIT_CCS -> PLAINTEXT;
            case SEND_CCS, SEND_FINISHED -> p.resumption() ? APPLICATION : PLAINTEXT;
            case WAIT_FINISHED, CONNECTED, HELLO_REQUESTED, CLOSED -> APPLICATION;
        };
    }
}
