package tlsconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tlsconf.model.Traces.concat;
import static tlsconf.model.Traces.r;
import static tlsconf.model.Traces.s;
import static tlsconf.model.Traces.trace;
import static tlsconf.model.event.MessageKind.*;
import static tlsconf.model.event.Protection.APPLICATION;
import static tlsconf.model.event.Protection.EARLY;
import static tlsconf.model.event.Protection.HANDSHAKE;
import static tlsconf.model.event.Protection.PLAINTEXT;

import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.model.RunParameters.ClientCertificate;
import tlsconf.model.RunParameters.EarlyData;
import tlsconf.model.RunParameters.KeyExchange;
import tlsconf.model.event.Event;
import tlsconf.model.oracle.Decision;
import tlsconf.model.oracle.Oracle;
import tlsconf.model.oracle.TraceCheck;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The example flows of RFC 8446 §2 (Figures 1-4), §4.1.4 and RFC 5246 §7.3 (Figures 1 and 2), RFC 5077 §3.1,
 * written down from the RFC text as traces of both sides, are accepted and end in CONNECTED.
 */
class RfcFlowsTest {

    private static final RunParameters BASE = RunParameters.defaults();

    private static void assertComplete(TlsVersion v, Role role, RunParameters p, List<Event> trace) {
        Model model = Models.of(v, role);
        TraceCheck c = Oracle.of(model, p).check(trace);
        assertTrue(c.valid(), () -> model.title() + " rejected event " + c.rejectedAt() + " " + trace.get(
                Math.max(0, c.rejectedAt())) + ": " + c.rejection().map(x -> x.reaction().describe()).orElse(""));
        assertTrue(c.complete(), () -> model.title() + " ended in " + c.finalState().name());
    }

    private static void assertState(TlsVersion v, Role role, RunParameters p, List<Event> trace, String state) {
        assertEquals(state, Oracle.of(Models.of(v, role), p).stateAfter(trace).name());
    }

    // RFC 8446 Figure 1: full handshake, server authenticated by certificate
    @Test
    void tls13Figure1FullHandshake() {
        assertComplete(TlsVersion.TLS_1_3, Role.CLIENT, BASE, trace(
                s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT), r(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                r(CERTIFICATE, HANDSHAKE), r(CERTIFICATE_VERIFY, HANDSHAKE), r(FINISHED, HANDSHAKE),
                s(FINISHED, HANDSHAKE), s(APPLICATION_DATA, APPLICATION), r(APPLICATION_DATA, APPLICATION)));
        assertComplete(TlsVersion.TLS_1_3, Role.SERVER, BASE, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                s(CERTIFICATE, HANDSHAKE), s(CERTIFICATE_VERIFY, HANDSHAKE), s(FINISHED, HANDSHAKE),
                r(FINISHED, HANDSHAKE), r(APPLICATION_DATA, APPLICATION), s(APPLICATION_DATA, APPLICATION)));
    }

    // RFC 8446 Figure 1 with the optional CertificateRequest and client Certificate*/CertificateVerify*
    @Test
    void tls13Figure1WithClientAuthentication() {
        RunParameters p = BASE.withClientAuth(ClientCertificate.NON_EMPTY);
        List<Event> serverFlight = trace(r(SERVER_HELLO, PLAINTEXT), r(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                r(CERTIFICATE_REQUEST, HANDSHAKE), r(CERTIFICATE, HANDSHAKE), r(CERTIFICATE_VERIFY, HANDSHAKE),
                r(FINISHED, HANDSHAKE));
        assertComplete(TlsVersion.TLS_1_3, Role.CLIENT, p, concat(trace(s(CLIENT_HELLO, PLAINTEXT)), serverFlight,
                trace(s(CERTIFICATE, HANDSHAKE), s(CERTIFICATE_VERIFY, HANDSHAKE), s(FINISHED, HANDSHAKE))));
        assertComplete(TlsVersion.TLS_1_3, Role.SERVER, p, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                s(CERTIFICATE_REQUEST, HANDSHAKE), s(CERTIFICATE, HANDSHAKE), s(CERTIFICATE_VERIFY, HANDSHAKE),
                s(FINISHED, HANDSHAKE), r(CERTIFICATE, HANDSHAKE), r(CERTIFICATE_VERIFY, HANDSHAKE),
                r(FINISHED, HANDSHAKE)));
        // §4.4.2: a client without a certificate sends an empty Certificate and no CertificateVerify
        RunParameters empty = BASE.withClientAuth(ClientCertificate.EMPTY);
        assertComplete(TlsVersion.TLS_1_3, Role.CLIENT, empty, concat(trace(s(CLIENT_HELLO, PLAINTEXT)),
                serverFlight, trace(s(CERTIFICATE, HANDSHAKE), s(FINISHED, HANDSHAKE))));
        assertComplete(TlsVersion.TLS_1_3, Role.SERVER, empty, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                s(CERTIFICATE_REQUEST, HANDSHAKE), s(CERTIFICATE, HANDSHAKE), s(CERTIFICATE_VERIFY, HANDSHAKE),
                s(FINISHED, HANDSHAKE), r(CERTIFICATE, HANDSHAKE), r(FINISHED, HANDSHAKE)));
    }

    // RFC 8446 Figure 2 and §4.1.4: HelloRetryRequest, then a second ClientHello
    @Test
    void tls13Figure2HelloRetryRequest() {
        RunParameters p = BASE.withHelloRetryRequest(true);
        assertComplete(TlsVersion.TLS_1_3, Role.CLIENT, p, trace(
                s(CLIENT_HELLO, PLAINTEXT), r(HELLO_RETRY_REQUEST, PLAINTEXT), s(CLIENT_HELLO, PLAINTEXT),
                r(SERVER_HELLO, PLAINTEXT), r(ENCRYPTED_EXTENSIONS, HANDSHAKE), r(CERTIFICATE, HANDSHAKE),
                r(CERTIFICATE_VERIFY, HANDSHAKE), r(FINISHED, HANDSHAKE), s(FINISHED, HANDSHAKE)));
        assertComplete(TlsVersion.TLS_1_3, Role.SERVER, p, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(HELLO_RETRY_REQUEST, PLAINTEXT), r(CLIENT_HELLO, PLAINTEXT),
                s(SERVER_HELLO, PLAINTEXT), s(ENCRYPTED_EXTENSIONS, HANDSHAKE), s(CERTIFICATE, HANDSHAKE),
                s(CERTIFICATE_VERIFY, HANDSHAKE), s(FINISHED, HANDSHAKE), r(FINISHED, HANDSHAKE)));
    }

    // RFC 8446 Figure 3: a ticket after the first handshake, then a PSK resumption without certificates
    @Test
    void tls13Figure3Resumption() {
        assertComplete(TlsVersion.TLS_1_3, Role.CLIENT, BASE, trace(
                s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT), r(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                r(CERTIFICATE, HANDSHAKE), r(CERTIFICATE_VERIFY, HANDSHAKE), r(FINISHED, HANDSHAKE),
                s(FINISHED, HANDSHAKE), r(NEW_SESSION_TICKET, APPLICATION), s(APPLICATION_DATA, APPLICATION)));
        RunParameters p = BASE.withResumption(true);
        assertComplete(TlsVersion.TLS_1_3, Role.CLIENT, p, trace(
                s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT), r(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                r(FINISHED, HANDSHAKE), s(FINISHED, HANDSHAKE), s(APPLICATION_DATA, APPLICATION)));
        assertComplete(TlsVersion.TLS_1_3, Role.SERVER, p, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                s(FINISHED, HANDSHAKE), r(FINISHED, HANDSHAKE), s(NEW_SESSION_TICKET, APPLICATION)));
    }

    // RFC 8446 Figure 4: 0-RTT data, EndOfEarlyData under the early keys, then the client Finished
    @Test
    void tls13Figure4ZeroRtt() {
        RunParameters p = BASE.withResumption(true).withEarlyData(EarlyData.ACCEPTED);
        assertComplete(TlsVersion.TLS_1_3, Role.CLIENT, p, trace(
                s(CLIENT_HELLO, PLAINTEXT), s(APPLICATION_DATA, EARLY), r(SERVER_HELLO, PLAINTEXT),
                r(ENCRYPTED_EXTENSIONS, HANDSHAKE), r(FINISHED, HANDSHAKE), s(END_OF_EARLY_DATA, EARLY),
                s(FINISHED, HANDSHAKE), s(APPLICATION_DATA, APPLICATION)));
        assertComplete(TlsVersion.TLS_1_3, Role.SERVER, p, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                s(FINISHED, HANDSHAKE), s(APPLICATION_DATA, APPLICATION), r(APPLICATION_DATA, EARLY),
                r(END_OF_EARLY_DATA, EARLY), r(FINISHED, HANDSHAKE)));
        assertState(TlsVersion.TLS_1_3, Role.SERVER, p, trace(r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT),
                s(ENCRYPTED_EXTENSIONS, HANDSHAKE), s(FINISHED, HANDSHAKE)), "WAIT_EOED");
    }

    // RFC 8446 §4.2.10: a server rejecting 0-RTT skips the early records
    @Test
    void tls13RejectedEarlyDataIsSkipped() {
        RunParameters p = BASE.withResumption(true).withEarlyData(EarlyData.OFFERED_REJECTED);
        List<Event> t = trace(r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT),
                s(ENCRYPTED_EXTENSIONS, HANDSHAKE), s(FINISHED, HANDSHAKE), r(APPLICATION_DATA, EARLY),
                r(FINISHED, HANDSHAKE));
        assertComplete(TlsVersion.TLS_1_3, Role.SERVER, p, t);
        TraceCheck c = Oracle.of(Models.of(TlsVersion.TLS_1_3, Role.SERVER), p).check(t);
        assertInstanceOf(Decision.Ignored.class, c.decisions().get(4));
    }

    // RFC 8446 §5 and D.4: middlebox compatibility mode, a CCS each way
    @Test
    void tls13MiddleboxCompatibilityCcsIsIgnored() {
        List<Event> t = trace(s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT),
                r(CHANGE_CIPHER_SPEC, PLAINTEXT), r(ENCRYPTED_EXTENSIONS, HANDSHAKE), r(CERTIFICATE, HANDSHAKE),
                r(CERTIFICATE_VERIFY, HANDSHAKE), r(FINISHED, HANDSHAKE), s(CHANGE_CIPHER_SPEC, PLAINTEXT),
                s(FINISHED, HANDSHAKE));
        assertComplete(TlsVersion.TLS_1_3, Role.CLIENT, BASE, t);
        TraceCheck c = Oracle.of(Models.of(TlsVersion.TLS_1_3, Role.CLIENT), BASE).check(t);
        assertInstanceOf(Decision.Ignored.class, c.decisions().get(2));
        assertComplete(TlsVersion.TLS_1_3, Role.SERVER, BASE, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(CHANGE_CIPHER_SPEC, PLAINTEXT),
                s(ENCRYPTED_EXTENSIONS, HANDSHAKE), s(CERTIFICATE, HANDSHAKE), s(CERTIFICATE_VERIFY, HANDSHAKE),
                s(FINISHED, HANDSHAKE), r(CHANGE_CIPHER_SPEC, PLAINTEXT), r(FINISHED, HANDSHAKE)));
    }

    // RFC 8446 §4.6.3: KeyUpdate both ways after the handshake, then close_notify (§6.1)
    @Test
    void tls13PostHandshake() {
        List<Event> t = trace(s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT),
                r(ENCRYPTED_EXTENSIONS, HANDSHAKE), r(CERTIFICATE, HANDSHAKE), r(CERTIFICATE_VERIFY, HANDSHAKE),
                r(FINISHED, HANDSHAKE), s(FINISHED, HANDSHAKE), r(KEY_UPDATE, APPLICATION),
                s(KEY_UPDATE, APPLICATION), r(NEW_SESSION_TICKET, APPLICATION), s(CLOSE_NOTIFY, APPLICATION));
        assertComplete(TlsVersion.TLS_1_3, Role.CLIENT, BASE, t);
        assertState(TlsVersion.TLS_1_3, Role.CLIENT, BASE, t, "CLOSED");
    }

    // RFC 8446 §4.6.2: post-handshake authentication, answered consecutively; empty answer without CertificateVerify
    @Test
    void tls13PostHandshakeAuthentication() {
        List<Event> handshake = trace(s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT),
                r(ENCRYPTED_EXTENSIONS, HANDSHAKE), r(CERTIFICATE, HANDSHAKE), r(CERTIFICATE_VERIFY, HANDSHAKE),
                r(FINISHED, HANDSHAKE), s(FINISHED, HANDSHAKE));
        RunParameters p = BASE.withPostHandshakeAuth(ClientCertificate.NON_EMPTY);
        assertComplete(TlsVersion.TLS_1_3, Role.CLIENT, p, concat(handshake, trace(r(CERTIFICATE_REQUEST, APPLICATION),
                s(CERTIFICATE, APPLICATION), s(CERTIFICATE_VERIFY, APPLICATION), s(FINISHED, APPLICATION),
                s(APPLICATION_DATA, APPLICATION))));
        assertComplete(TlsVersion.TLS_1_3, Role.SERVER, BASE.withPostHandshakeAuth(ClientCertificate.EMPTY), trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                s(CERTIFICATE, HANDSHAKE), s(CERTIFICATE_VERIFY, HANDSHAKE), s(FINISHED, HANDSHAKE),
                r(FINISHED, HANDSHAKE), s(CERTIFICATE_REQUEST, APPLICATION), r(APPLICATION_DATA, APPLICATION),
                r(CERTIFICATE, APPLICATION), r(FINISHED, APPLICATION)));
    }

    // RFC 5246 Figure 1 with RSA key exchange: no ServerKeyExchange
    @Test
    void tls12Figure1Rsa() {
        RunParameters p = BASE.withKeyExchange(KeyExchange.RSA);
        assertComplete(TlsVersion.TLS_1_2, Role.CLIENT, p, trace(
                s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT), r(CERTIFICATE, PLAINTEXT),
                r(SERVER_HELLO_DONE, PLAINTEXT), s(CLIENT_KEY_EXCHANGE, PLAINTEXT), s(CHANGE_CIPHER_SPEC, PLAINTEXT),
                s(FINISHED, APPLICATION), r(CHANGE_CIPHER_SPEC, PLAINTEXT), r(FINISHED, APPLICATION),
                s(APPLICATION_DATA, APPLICATION), r(APPLICATION_DATA, APPLICATION)));
        assertComplete(TlsVersion.TLS_1_2, Role.SERVER, p, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(CERTIFICATE, PLAINTEXT),
                s(SERVER_HELLO_DONE, PLAINTEXT), r(CLIENT_KEY_EXCHANGE, PLAINTEXT), r(CHANGE_CIPHER_SPEC, PLAINTEXT),
                r(FINISHED, APPLICATION), s(CHANGE_CIPHER_SPEC, PLAINTEXT), s(FINISHED, APPLICATION)));
    }

    // RFC 5246 Figure 1 with ECDHE (RFC 8422 §2) and client authentication, all optional messages present
    @Test
    void tls12Figure1EcdheWithClientAuthentication() {
        RunParameters p = BASE.withClientAuth(ClientCertificate.NON_EMPTY);
        assertComplete(TlsVersion.TLS_1_2, Role.CLIENT, p, trace(
                s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT), r(CERTIFICATE, PLAINTEXT),
                r(SERVER_KEY_EXCHANGE, PLAINTEXT), r(CERTIFICATE_REQUEST, PLAINTEXT), r(SERVER_HELLO_DONE, PLAINTEXT),
                s(CERTIFICATE, PLAINTEXT), s(CLIENT_KEY_EXCHANGE, PLAINTEXT), s(CERTIFICATE_VERIFY, PLAINTEXT),
                s(CHANGE_CIPHER_SPEC, PLAINTEXT), s(FINISHED, APPLICATION), r(CHANGE_CIPHER_SPEC, PLAINTEXT),
                r(FINISHED, APPLICATION)));
        assertComplete(TlsVersion.TLS_1_2, Role.SERVER, p, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(CERTIFICATE, PLAINTEXT),
                s(SERVER_KEY_EXCHANGE, PLAINTEXT), s(CERTIFICATE_REQUEST, PLAINTEXT), s(SERVER_HELLO_DONE, PLAINTEXT),
                r(CERTIFICATE, PLAINTEXT), r(CLIENT_KEY_EXCHANGE, PLAINTEXT), r(CERTIFICATE_VERIFY, PLAINTEXT),
                r(CHANGE_CIPHER_SPEC, PLAINTEXT), r(FINISHED, APPLICATION), s(CHANGE_CIPHER_SPEC, PLAINTEXT),
                s(FINISHED, APPLICATION)));
        // §7.4.6: without a certificate the client sends an empty Certificate and no CertificateVerify
        RunParameters empty = BASE.withClientAuth(ClientCertificate.EMPTY);
        assertComplete(TlsVersion.TLS_1_2, Role.SERVER, empty, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(CERTIFICATE, PLAINTEXT),
                s(SERVER_KEY_EXCHANGE, PLAINTEXT), s(CERTIFICATE_REQUEST, PLAINTEXT), s(SERVER_HELLO_DONE, PLAINTEXT),
                r(CERTIFICATE, PLAINTEXT), r(CLIENT_KEY_EXCHANGE, PLAINTEXT), r(CHANGE_CIPHER_SPEC, PLAINTEXT),
                r(FINISHED, APPLICATION), s(CHANGE_CIPHER_SPEC, PLAINTEXT), s(FINISHED, APPLICATION)));
    }

    // RFC 5246 Figure 2: the abbreviated handshake, server CCS and Finished first
    @Test
    void tls12Figure2Abbreviated() {
        RunParameters p = BASE.withResumption(true);
        assertComplete(TlsVersion.TLS_1_2, Role.CLIENT, p, trace(
                s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT), r(CHANGE_CIPHER_SPEC, PLAINTEXT),
                r(FINISHED, APPLICATION), s(CHANGE_CIPHER_SPEC, PLAINTEXT), s(FINISHED, APPLICATION),
                s(APPLICATION_DATA, APPLICATION)));
        assertComplete(TlsVersion.TLS_1_2, Role.SERVER, p, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(CHANGE_CIPHER_SPEC, PLAINTEXT),
                s(FINISHED, APPLICATION), r(CHANGE_CIPHER_SPEC, PLAINTEXT), r(FINISHED, APPLICATION)));
    }

    // RFC 5077 §3.1 (Figures 1 and 2): NewSessionTicket right before the server's ChangeCipherSpec
    @Test
    void tls12SessionTickets() {
        RunParameters full = BASE.withSessionTicket(true);
        assertComplete(TlsVersion.TLS_1_2, Role.CLIENT, full, trace(
                s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT), r(CERTIFICATE, PLAINTEXT),
                r(SERVER_KEY_EXCHANGE, PLAINTEXT), r(SERVER_HELLO_DONE, PLAINTEXT), s(CLIENT_KEY_EXCHANGE, PLAINTEXT),
                s(CHANGE_CIPHER_SPEC, PLAINTEXT), s(FINISHED, APPLICATION), r(NEW_SESSION_TICKET, PLAINTEXT),
                r(CHANGE_CIPHER_SPEC, PLAINTEXT), r(FINISHED, APPLICATION)));
        RunParameters resumed = BASE.withResumption(true).withSessionTicket(true);
        assertComplete(TlsVersion.TLS_1_2, Role.SERVER, resumed, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(NEW_SESSION_TICKET, PLAINTEXT),
                s(CHANGE_CIPHER_SPEC, PLAINTEXT), s(FINISHED, APPLICATION), r(CHANGE_CIPHER_SPEC, PLAINTEXT),
                r(FINISHED, APPLICATION)));
    }

    // RFC 5246 §7.4.1.1 and §7.2.2: renegotiation refused with the no_renegotiation warning
    @Test
    void tls12RefusedRenegotiation() {
        List<Event> handshake = trace(s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT),
                r(CHANGE_CIPHER_SPEC, PLAINTEXT), r(FINISHED, APPLICATION), s(CHANGE_CIPHER_SPEC, PLAINTEXT),
                s(FINISHED, APPLICATION));
        RunParameters p = BASE.withResumption(true);
        assertComplete(TlsVersion.TLS_1_2, Role.CLIENT, p, concat(handshake, trace(r(HELLO_REQUEST, APPLICATION),
                s(NO_RENEGOTIATION, APPLICATION), s(APPLICATION_DATA, APPLICATION))));
        assertComplete(TlsVersion.TLS_1_2, Role.SERVER, p, trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(CHANGE_CIPHER_SPEC, PLAINTEXT),
                s(FINISHED, APPLICATION), r(CHANGE_CIPHER_SPEC, PLAINTEXT), r(FINISHED, APPLICATION),
                r(CLIENT_HELLO, APPLICATION), s(NO_RENEGOTIATION, APPLICATION), r(APPLICATION_DATA, APPLICATION)));
        // a HelloRequest during the handshake is ignored (§7.4.1.1)
        TraceCheck c = Oracle.of(Models.of(TlsVersion.TLS_1_2, Role.CLIENT), p).check(trace(
                s(CLIENT_HELLO, PLAINTEXT), r(HELLO_REQUEST, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT)));
        assertTrue(c.valid());
        assertInstanceOf(Decision.Ignored.class, c.decisions().get(1));
        // ... and so is one between the server's ChangeCipherSpec and its Finished, under the new keys
        TraceCheck late = Oracle.of(Models.of(TlsVersion.TLS_1_2, Role.CLIENT), p).check(concat(
                trace(s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT), r(CHANGE_CIPHER_SPEC, PLAINTEXT),
                        r(HELLO_REQUEST, APPLICATION)),
                handshake.subList(3, handshake.size())));
        assertTrue(late.valid());
        assertInstanceOf(Decision.Ignored.class, late.decisions().get(3));
        // a plaintext one there is still refused: the client reads under the new keys (§6.2.3 bad_record_mac)
        assertFalse(Oracle.of(Models.of(TlsVersion.TLS_1_2, Role.CLIENT), p).check(trace(
                s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT), r(CHANGE_CIPHER_SPEC, PLAINTEXT),
                r(HELLO_REQUEST, PLAINTEXT))).valid());
    }
}
