package tlsconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tlsconf.model.Traces.r;
import static tlsconf.model.Traces.s;
import static tlsconf.model.Traces.trace;
import static tlsconf.model.event.MessageKind.*;
import static tlsconf.model.event.Protection.APPLICATION;
import static tlsconf.model.event.Protection.HANDSHAKE;
import static tlsconf.model.event.Protection.PLAINTEXT;
import static tlsconf.model.vocabulary.AlertDescription.BAD_RECORD_MAC;
import static tlsconf.model.vocabulary.AlertDescription.UNEXPECTED_MESSAGE;

import java.util.List;
import org.junit.jupiter.api.Test;
import tlsconf.model.RunParameters.ClientCertificate;
import tlsconf.model.RunParameters.KeyExchange;
import tlsconf.model.event.Event;
import tlsconf.model.oracle.Decision;
import tlsconf.model.oracle.Oracle;
import tlsconf.model.oracle.Reaction;
import tlsconf.model.oracle.TraceCheck;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Historic state-machine bugs written as traces: the model rejects the offending (last) event, in the state the
 * RFC figures put the side in, with the alert and section the RFC names.
 */
class HistoricBugsTest {

    private static final RunParameters BASE = RunParameters.defaults();

    private static Reaction.Abort assertRejectedLast(TlsVersion v, Role role, RunParameters p, List<Event> trace,
            String state, AlertDescription preferred, String section) {
        TraceCheck c = Oracle.of(Models.of(v, role), p).check(trace);
        assertEquals(trace.size() - 1, c.rejectedAt(), () -> "expected the last event to be rejected: " + c);
        Decision.Rejected rejected = c.rejection().orElseThrow();
        assertEquals(state, rejected.state().name());
        Reaction.Abort abort = assertInstanceOf(Reaction.Abort.class, rejected.reaction());
        assertEquals(preferred, abort.preferred(), abort::describe);
        assertEquals(section, abort.citation().section(), abort::describe);
        return abort;
    }

    private static List<Event> tls12ServerHellos(boolean ske, boolean cr) {
        var out = new java.util.ArrayList<>(List.of(r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT),
                s(CERTIFICATE, PLAINTEXT)));
        if (ske) {
            out.add(s(SERVER_KEY_EXCHANGE, PLAINTEXT));
        }
        if (cr) {
            out.add(s(CERTIFICATE_REQUEST, PLAINTEXT));
        }
        out.add(s(SERVER_HELLO_DONE, PLAINTEXT));
        return out;
    }

    private static List<Event> with(List<Event> prefix, Event... more) {
        var out = new java.util.ArrayList<>(prefix);
        out.addAll(List.of(more));
        return out;
    }

    // CVE-2014-0224 (OpenSSL "CCS injection"): a ChangeCipherSpec accepted before the key exchange
    @Test
    void ccsBeforeClientKeyExchange() {
        RunParameters rsa = BASE.withKeyExchange(KeyExchange.RSA);
        assertRejectedLast(TlsVersion.TLS_1_2, Role.SERVER, rsa,
                with(tls12ServerHellos(false, false), r(CHANGE_CIPHER_SPEC, PLAINTEXT)),
                "WAIT_CKE", UNEXPECTED_MESSAGE, "7.1");
        // the client side of the same bug: an early CCS from the server
        assertRejectedLast(TlsVersion.TLS_1_2, Role.CLIENT, rsa, trace(s(CLIENT_HELLO, PLAINTEXT),
                r(SERVER_HELLO, PLAINTEXT), r(CHANGE_CIPHER_SPEC, PLAINTEXT)), "WAIT_CERT", UNEXPECTED_MESSAGE, "7.1");
    }

    // CVE-2014-3572 (OpenSSL): an ECDHE handshake without ServerKeyExchange, silently downgraded
    @Test
    void ecdheWithoutServerKeyExchange() {
        assertRejectedLast(TlsVersion.TLS_1_2, Role.CLIENT, BASE, trace(s(CLIENT_HELLO, PLAINTEXT),
                r(SERVER_HELLO, PLAINTEXT), r(CERTIFICATE, PLAINTEXT), r(SERVER_HELLO_DONE, PLAINTEXT)),
                "WAIT_SKE", UNEXPECTED_MESSAGE, "5.4");
    }

    // CVE-2014-6593 (JSSE, "early Finished"): a Finished without a preceding ChangeCipherSpec
    @Test
    void finishedWithoutChangeCipherSpec() {
        assertRejectedLast(TlsVersion.TLS_1_2, Role.CLIENT, BASE, trace(s(CLIENT_HELLO, PLAINTEXT),
                r(SERVER_HELLO, PLAINTEXT), r(CERTIFICATE, PLAINTEXT), r(SERVER_KEY_EXCHANGE, PLAINTEXT),
                r(SERVER_HELLO_DONE, PLAINTEXT), s(CLIENT_KEY_EXCHANGE, PLAINTEXT), s(CHANGE_CIPHER_SPEC, PLAINTEXT),
                s(FINISHED, APPLICATION), r(FINISHED, APPLICATION)), "WAIT_CCS", UNEXPECTED_MESSAGE, "7.4.9");
        assertRejectedLast(TlsVersion.TLS_1_2, Role.SERVER, BASE, with(tls12ServerHellos(true, false),
                r(CLIENT_KEY_EXCHANGE, PLAINTEXT), r(FINISHED, APPLICATION)), "WAIT_CCS", UNEXPECTED_MESSAGE, "7.4.9");
    }

    // CVE-2015-0205 (OpenSSL): a client certificate accepted without CertificateVerify
    @Test
    void clientCertificateWithoutCertificateVerifyTls12() {
        RunParameters auth = BASE.withClientAuth(ClientCertificate.NON_EMPTY);
        assertRejectedLast(TlsVersion.TLS_1_2, Role.SERVER, auth, with(tls12ServerHellos(true, true),
                r(CERTIFICATE, PLAINTEXT), r(CLIENT_KEY_EXCHANGE, PLAINTEXT), r(CHANGE_CIPHER_SPEC, PLAINTEXT)),
                "WAIT_CV", UNEXPECTED_MESSAGE, "7.4.8");
    }

    // CVE-2022-25640 (wolfSSL): a TLS 1.3 server accepting a client Certificate without CertificateVerify
    @Test
    void clientCertificateWithoutCertificateVerifyTls13() {
        RunParameters auth = BASE.withClientAuth(ClientCertificate.NON_EMPTY);
        assertRejectedLast(TlsVersion.TLS_1_3, Role.SERVER, auth, trace(r(CLIENT_HELLO, PLAINTEXT),
                s(SERVER_HELLO, PLAINTEXT), s(ENCRYPTED_EXTENSIONS, HANDSHAKE), s(CERTIFICATE_REQUEST, HANDSHAKE),
                s(CERTIFICATE, HANDSHAKE), s(CERTIFICATE_VERIFY, HANDSHAKE), s(FINISHED, HANDSHAKE),
                r(CERTIFICATE, HANDSHAKE), r(FINISHED, HANDSHAKE)), "WAIT_CV", UNEXPECTED_MESSAGE, "4");
    }

    // CVE-2020-24613 (wolfSSL): a TLS 1.3 client accepting Finished in WAIT_CERT_CR, skipping server authentication
    @Test
    void finishedInWaitCertCr() {
        assertRejectedLast(TlsVersion.TLS_1_3, Role.CLIENT, BASE, trace(s(CLIENT_HELLO, PLAINTEXT),
                r(SERVER_HELLO, PLAINTEXT), r(ENCRYPTED_EXTENSIONS, HANDSHAKE), r(FINISHED, HANDSHAKE)),
                "WAIT_CERT_CR", UNEXPECTED_MESSAGE, "4");
    }

    // RFC 8446 §4.1.4: a second HelloRetryRequest
    @Test
    void secondHelloRetryRequest() {
        assertRejectedLast(TlsVersion.TLS_1_3, Role.CLIENT, BASE.withHelloRetryRequest(true), trace(
                s(CLIENT_HELLO, PLAINTEXT), r(HELLO_RETRY_REQUEST, PLAINTEXT), s(CLIENT_HELLO, PLAINTEXT),
                r(HELLO_RETRY_REQUEST, PLAINTEXT)), "WAIT_SH_AFTER_HRR", UNEXPECTED_MESSAGE, "4.1.4");
    }

    // application data before the handshake is complete
    @Test
    void applicationDataBeforeFinished() {
        assertRejectedLast(TlsVersion.TLS_1_3, Role.CLIENT, BASE, trace(s(CLIENT_HELLO, PLAINTEXT),
                r(SERVER_HELLO, PLAINTEXT), r(ENCRYPTED_EXTENSIONS, HANDSHAKE), r(APPLICATION_DATA, HANDSHAKE)),
                "WAIT_CERT_CR", UNEXPECTED_MESSAGE, "6.2");
        // under keys the client does not have yet: the record does not decrypt (RFC 8446 §5.2)
        assertRejectedLast(TlsVersion.TLS_1_3, Role.CLIENT, BASE, trace(s(CLIENT_HELLO, PLAINTEXT),
                r(SERVER_HELLO, PLAINTEXT), r(APPLICATION_DATA, APPLICATION)), "WAIT_EE", BAD_RECORD_MAC, "5.2");
        assertRejectedLast(TlsVersion.TLS_1_2, Role.SERVER, BASE, with(tls12ServerHellos(true, false),
                r(APPLICATION_DATA, PLAINTEXT)), "WAIT_CKE", UNEXPECTED_MESSAGE, "7.2.2");
    }

    // FREAK (CVE-2015-0204): a ServerKeyExchange in an RSA key exchange
    @Test
    void serverKeyExchangeInRsaKeyExchange() {
        assertRejectedLast(TlsVersion.TLS_1_2, Role.CLIENT, BASE.withKeyExchange(KeyExchange.RSA), trace(
                s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT), r(CERTIFICATE, PLAINTEXT),
                r(SERVER_KEY_EXCHANGE, PLAINTEXT)), "WAIT_CR_OR_SHD", UNEXPECTED_MESSAGE, "7.4.3");
    }

    // RFC 8446 §5: a CCS after the peer's Finished is an unexpected record
    @Test
    void extraChangeCipherSpecAfterHandshake() {
        List<Event> handshake = trace(s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT),
                r(ENCRYPTED_EXTENSIONS, HANDSHAKE), r(CERTIFICATE, HANDSHAKE), r(CERTIFICATE_VERIFY, HANDSHAKE),
                r(FINISHED, HANDSHAKE), s(FINISHED, HANDSHAKE));
        assertRejectedLast(TlsVersion.TLS_1_3, Role.CLIENT, BASE, with(handshake, r(CHANGE_CIPHER_SPEC, PLAINTEXT)),
                "CONNECTED", UNEXPECTED_MESSAGE, "5");
        // TLS 1.2: after the handshake a CCS is out of order as well
        RunParameters res = BASE.withResumption(true);
        assertRejectedLast(TlsVersion.TLS_1_2, Role.CLIENT, res, trace(s(CLIENT_HELLO, PLAINTEXT),
                r(SERVER_HELLO, PLAINTEXT), r(CHANGE_CIPHER_SPEC, PLAINTEXT), r(FINISHED, APPLICATION),
                s(CHANGE_CIPHER_SPEC, PLAINTEXT), s(FINISHED, APPLICATION), r(CHANGE_CIPHER_SPEC, APPLICATION)),
                "CONNECTED", UNEXPECTED_MESSAGE, "7.1");
    }

    // RFC 8446 §5: a CCS with another value, an encrypted CCS, a CCS before the first ClientHello
    @Test
    void middleboxCcsRules() {
        List<Event> start = trace(s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT));
        assertRejectedLast(TlsVersion.TLS_1_3, Role.CLIENT, BASE, with(start, r(CHANGE_CIPHER_SPEC_INVALID,
                PLAINTEXT)), "WAIT_EE", UNEXPECTED_MESSAGE, "5");
        assertRejectedLast(TlsVersion.TLS_1_3, Role.CLIENT, BASE, with(start, r(CHANGE_CIPHER_SPEC, HANDSHAKE)),
                "WAIT_EE", UNEXPECTED_MESSAGE, "5");
        assertRejectedLast(TlsVersion.TLS_1_3, Role.SERVER, BASE, trace(r(CHANGE_CIPHER_SPEC, PLAINTEXT)),
                "START", UNEXPECTED_MESSAGE, "5");
        TraceCheck ok = Oracle.of(Models.of(TlsVersion.TLS_1_3, Role.CLIENT), BASE)
                .check(with(start, r(CHANGE_CIPHER_SPEC, PLAINTEXT)));
        assertTrue(ok.valid());
        assertEquals("WAIT_EE", ok.finalState().name());
    }

    // RFC 8446 §4.6.3: KeyUpdate before Finished; §5.2: a Finished in plaintext
    @Test
    void keyUpdateBeforeFinishedAndPlaintextFinished() {
        List<Event> start = trace(s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT),
                r(ENCRYPTED_EXTENSIONS, HANDSHAKE));
        assertRejectedLast(TlsVersion.TLS_1_3, Role.CLIENT, BASE, with(start, r(KEY_UPDATE, HANDSHAKE)),
                "WAIT_CERT_CR", UNEXPECTED_MESSAGE, "4.6.3");
        assertRejectedLast(TlsVersion.TLS_1_3, Role.CLIENT, BASE.withResumption(true),
                with(start, r(FINISHED, PLAINTEXT)), "WAIT_FINISHED", UNEXPECTED_MESSAGE, "5.2");
    }

    // RFC 8446 §4.6.2: a CertificateRequest after the handshake without post_handshake_auth offered; and a
    // post-handshake client Certificate without CertificateVerify (the CVE-2022-25640 pattern after the handshake)
    @Test
    void postHandshakeAuthenticationViolations() {
        List<Event> handshake = trace(s(CLIENT_HELLO, PLAINTEXT), r(SERVER_HELLO, PLAINTEXT),
                r(ENCRYPTED_EXTENSIONS, HANDSHAKE), r(CERTIFICATE, HANDSHAKE), r(CERTIFICATE_VERIFY, HANDSHAKE),
                r(FINISHED, HANDSHAKE), s(FINISHED, HANDSHAKE));
        assertRejectedLast(TlsVersion.TLS_1_3, Role.CLIENT, BASE, with(handshake,
                r(CERTIFICATE_REQUEST, APPLICATION)), "CONNECTED", UNEXPECTED_MESSAGE, "4.6.2");
        assertRejectedLast(TlsVersion.TLS_1_3, Role.SERVER, BASE.withPostHandshakeAuth(ClientCertificate.NON_EMPTY),
                trace(r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                        s(CERTIFICATE, HANDSHAKE), s(CERTIFICATE_VERIFY, HANDSHAKE), s(FINISHED, HANDSHAKE),
                        r(FINISHED, HANDSHAKE), s(CERTIFICATE_REQUEST, APPLICATION), r(CERTIFICATE, APPLICATION),
                        r(FINISHED, APPLICATION)), "PHA_WAIT_CV", UNEXPECTED_MESSAGE, "4");
    }

    // RFC 8446 §4.1.2: no renegotiation in TLS 1.3
    @Test
    void clientHelloAfterTls13Handshake() {
        assertRejectedLast(TlsVersion.TLS_1_3, Role.SERVER, BASE.withResumption(true), trace(
                r(CLIENT_HELLO, PLAINTEXT), s(SERVER_HELLO, PLAINTEXT), s(ENCRYPTED_EXTENSIONS, HANDSHAKE),
                s(FINISHED, HANDSHAKE), r(FINISHED, HANDSHAKE), r(CLIENT_HELLO, APPLICATION)),
                "CONNECTED", UNEXPECTED_MESSAGE, "4.1.2");
    }
}
