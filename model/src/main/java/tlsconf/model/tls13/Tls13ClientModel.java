package tlsconf.model.tls13;

import static tlsconf.model.Citation.rfc8446;
import static tlsconf.model.Guard.ALWAYS;
import static tlsconf.model.Guard.CLIENT_AUTH;
import static tlsconf.model.Guard.CLIENT_CERT_EMPTY;
import static tlsconf.model.Guard.CLIENT_CERT_NON_EMPTY;
import static tlsconf.model.Guard.EARLY_ACCEPTED;
import static tlsconf.model.Guard.EARLY_OFFERED;
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
import static tlsconf.model.tls13.Tls13ClientState.*;

import java.util.EnumSet;
import tlsconf.model.Model;
import tlsconf.model.event.Protection;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** The TLS 1.3 client of RFC 8446 Appendix A.1 as a transition table. */
public final class Tls13ClientModel {

    private Tls13ClientModel() {
    }

    public static Model create() {
        return Model.builder(TlsVersion.TLS_1_3, Role.CLIENT, Tls13ClientState.class)
                .initial(START)
                .connected(CONNECTED)
                .accepting(CLOSED)
                .peerFinishedReceivedIn(EnumSet.of(SEND_EOED, SEND_CERT, SEND_CV, SEND_FINISHED, CONNECTED, PHA_SEND_CERT,
                        PHA_SEND_CV, PHA_SEND_FINISHED, CLOSED))
                .receiveKeys(Tls13ClientModel::receiveKeys)
                // First flight and 0-RTT
                .step(START, sent(CLIENT_HELLO, PLAINTEXT), ALWAYS, WAIT_SH,
                        rfc8446("4.1.2", "the client opens the handshake with a ClientHello"))
                .loops(EnumSet.of(WAIT_SH), sent(APPLICATION_DATA, EARLY), EARLY_OFFERED,
                        rfc8446("4.2.10", "with early_data offered the client may send 0-RTT data after ClientHello"))
                .loops(EnumSet.of(WAIT_EE, WAIT_FINISHED, SEND_EOED), sent(APPLICATION_DATA, EARLY), EARLY_ACCEPTED,
                        rfc8446("4.2.10", "0-RTT data may continue until EndOfEarlyData when the server accepted it"))
                .loops(EnumSet.of(WAIT_SH, RECVD_HRR, SEND_CERT, SEND_FINISHED), sent(CHANGE_CIPHER_SPEC, PLAINTEXT),
                        ALWAYS, rfc8446("D.4", "middlebox mode: the client may send one CCS after its first "
                                + "ClientHello or right before its second flight"))
                // HelloRetryRequest
                .step(WAIT_SH, received(HELLO_RETRY_REQUEST, PLAINTEXT), HRR, RECVD_HRR,
                        rfc8446("4.1.4", "the server may answer with a HelloRetryRequest"))
                .step(RECVD_HRR, sent(CLIENT_HELLO, PLAINTEXT), HRR, WAIT_SH_AFTER_HRR,
                        rfc8446("4.1.2", "after a HelloRetryRequest the client sends a second ClientHello"))
                .step(WAIT_SH, received(SERVER_HELLO, PLAINTEXT), HRR.not(), WAIT_EE,
                        rfc8446("A.1", "Recv ServerHello: K_recv = handshake"))
                .step(WAIT_SH_AFTER_HRR, received(SERVER_HELLO, PLAINTEXT), HRR, WAIT_EE,
                        rfc8446("4.1.4", "the second ClientHello is answered by a ServerHello"))
                // Server parameters and authentication
                .step(WAIT_EE, received(ENCRYPTED_EXTENSIONS, HANDSHAKE), RESUMPTION.not(), WAIT_CERT_CR,
                        rfc8446("A.1", "Recv EncryptedExtensions, using certificate: WAIT_CERT_CR"))
                .step(WAIT_EE, received(ENCRYPTED_EXTENSIONS, HANDSHAKE), RESUMPTION, WAIT_FINISHED,
                        rfc8446("A.1", "Recv EncryptedExtensions, using PSK: WAIT_FINISHED"))
                .step(WAIT_CERT_CR, received(CERTIFICATE_REQUEST, HANDSHAKE), CLIENT_AUTH, WAIT_CERT,
                        rfc8446("4.3.2", "a server authenticating with a certificate may request one"))
                .step(WAIT_CERT_CR, received(CERTIFICATE, HANDSHAKE), CLIENT_AUTH.not(), WAIT_CV,
                        rfc8446("4.4.2", "the server sends its Certificate when authenticating with one"))
                .step(WAIT_CERT, received(CERTIFICATE, HANDSHAKE), ALWAYS, WAIT_CV,
                        rfc8446("4.4.2", "the server Certificate follows the CertificateRequest"))
                .step(WAIT_CV, received(CERTIFICATE_VERIFY, HANDSHAKE), ALWAYS, WAIT_FINISHED,
                        rfc8446("4.4.3", "a server Certificate is followed by CertificateVerify"))
                .step(WAIT_FINISHED, received(FINISHED, HANDSHAKE), EARLY_ACCEPTED, SEND_EOED,
                        rfc8446("A.1", "Recv Finished, then [Send EndOfEarlyData] when 0-RTT was accepted"))
                .step(WAIT_FINISHED, received(FINISHED, HANDSHAKE), EARLY_ACCEPTED.not().and(CLIENT_AUTH), SEND_CERT,
                        rfc8446("A.1", "Recv Finished, then [Send Certificate [+ CertificateVerify]]"))
                .step(WAIT_FINISHED, received(FINISHED, HANDSHAKE), EARLY_ACCEPTED.not().and(CLIENT_AUTH.not()),
                        SEND_FINISHED, rfc8446("A.1", "Recv Finished, then Send Finished"))
                // The client's second flight
                .step(SEND_EOED, sent(END_OF_EARLY_DATA, EARLY), ALWAYS, SEND_FINISHED,
                        rfc8446("4.5", "after the server Finished the client ends 0-RTT with EndOfEarlyData"))
                .step(SEND_CERT, sent(CERTIFICATE, HANDSHAKE), CLIENT_CERT_NON_EMPTY, SEND_CV,
                        rfc8446("4.4.2", "the client answers a CertificateRequest with its Certificate"))
                .step(SEND_CERT, sent(CERTIFICATE, HANDSHAKE), CLIENT_CERT_EMPTY, SEND_FINISHED,
                        rfc8446("4.4.2", "a client without a certificate sends an empty Certificate, no CertificateVerify"))
                .step(SEND_CV, sent(CERTIFICATE_VERIFY, HANDSHAKE), ALWAYS, SEND_FINISHED,
                        rfc8446("4.4.3", "a non-empty client Certificate is followed by CertificateVerify"))
                .step(SEND_FINISHED, sent(FINISHED, HANDSHAKE), ALWAYS, CONNECTED,
                        rfc8446("4.4.4", "the client Finished completes the handshake"))
                // Post-handshake
                .loops(EnumSet.of(CONNECTED), received(NEW_SESSION_TICKET, APPLICATION), ALWAYS,
                        rfc8446("4.6.1", "the server may send NewSessionTicket after the client Finished"))
                .loops(EnumSet.of(CONNECTED), received(KEY_UPDATE, APPLICATION), ALWAYS,
                        rfc8446("4.6.3", "either side may send KeyUpdate after its Finished"))
                .loops(EnumSet.of(CONNECTED), sent(KEY_UPDATE, APPLICATION), ALWAYS,
                        rfc8446("4.6.3", "either side may send KeyUpdate after its Finished"))
                .loops(EnumSet.of(CONNECTED), received(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc8446("2", "application data flows under application keys"))
                .loops(EnumSet.of(CONNECTED), sent(APPLICATION_DATA, APPLICATION), ALWAYS,
                        rfc8446("A.1", "the client can send application data after its Finished"))
                // Post-handshake authentication: the answer is consecutive, no other messages in between
                .step(CONNECTED, received(CERTIFICATE_REQUEST, APPLICATION), POST_HANDSHAKE_AUTH, PHA_SEND_CERT,
                        rfc8446("4.6.2", "after the handshake a server may request a certificate from a client "
                                + "that offered post_handshake_auth"))
                .step(PHA_SEND_CERT, sent(CERTIFICATE, APPLICATION), CLIENT_CERT_NON_EMPTY, PHA_SEND_CV,
                        rfc8446("4.6.2", "the client answers with Certificate, CertificateVerify and Finished"))
                .step(PHA_SEND_CERT, sent(CERTIFICATE, APPLICATION), CLIENT_CERT_EMPTY, PHA_SEND_FINISHED,
                        rfc8446("4.6.2", "a client declining sends an empty Certificate followed by Finished"))
                .step(PHA_SEND_CV, sent(CERTIFICATE_VERIFY, APPLICATION), ALWAYS, PHA_SEND_FINISHED,
                        rfc8446("4.6.2", "the client answers with Certificate, CertificateVerify and Finished"))
                .step(PHA_SEND_FINISHED, sent(FINISHED, APPLICATION), ALWAYS, CONNECTED,
                        rfc8446("4.6.2", "the client's Finished ends its answer"))
                .step(CONNECTED, sent(CLOSE_NOTIFY, APPLICATION), ALWAYS, CLOSED,
                        rfc8446("6.1", "either side may close with close_notify"))
                .step(CONNECTED, received(CLOSE_NOTIFY, APPLICATION), ALWAYS, CLOSED,
                        rfc8446("6.1", "either side may close with close_notify"))
                // Middlebox compatibility (RFC 8446 §5, D.4): a plaintext 0x01 CCS between the first ClientHello
                // and the peer's Finished is dropped; any other CCS is unexpected_message (see the oracle).
                .ignore(EnumSet.of(WAIT_SH, RECVD_HRR, WAIT_SH_AFTER_HRR, WAIT_EE, WAIT_CERT_CR, WAIT_CERT, WAIT_CV,
                                WAIT_FINISHED), received(CHANGE_CIPHER_SPEC, PLAINTEXT), ALWAYS,
                        rfc8446("5", "a plaintext CCS of value 0x01 between the first ClientHello and the peer's "
                                + "Finished is dropped"))
                .build();
    }

    static Protection receiveKeys(Tls13ClientState state, tlsconf.model.RunParameters p) {
        return switch (state) {
            case START, WAIT_SH, RECVD_HRR, WAIT_SH_AFTER_HRR -> PLAINTEXT;
            case WAIT_EE, WAIT_CERT_CR, WAIT_CERT, WAIT_CV, WAIT_FINISHED -> HANDSHAKE;
            case SEND_EOED, SEND_CERT, SEND_CV, SEND_FINISHED, CONNECTED, PHA_SEND_CERT, PHA_SEND_CV,
                    PHA_SEND_FINISHED, CLOSED -> APPLICATION;
        };
    }
}
