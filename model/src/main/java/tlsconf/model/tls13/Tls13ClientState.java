package tlsconf.model.tls13;

import tlsconf.model.State;

/**
 * The TLS 1.3 client's states: those of RFC 8446 Appendix A.1, spelled as there, plus the states that split an
 * arrow of the figure into one event each ("Recv HelloRetryRequest / Send ClientHello", the client's second
 * flight after "Recv Finished").
 */
public enum Tls13ClientState implements State {
    START(true, "nothing sent yet; next: send ClientHello"),
    WAIT_SH(true, "ClientHello sent; waiting for ServerHello or HelloRetryRequest"),
    RECVD_HRR(false, "HelloRetryRequest received; next: send the second ClientHello"),
    WAIT_SH_AFTER_HRR(false, "second ClientHello sent; waiting for ServerHello (another HRR is fatal)"),
    WAIT_EE(true, "ServerHello received, handshake keys in use; waiting for EncryptedExtensions"),
    WAIT_CERT_CR(true, "waiting for Certificate or CertificateRequest"),
    WAIT_CERT(true, "CertificateRequest received; waiting for the server Certificate"),
    WAIT_CV(true, "server Certificate received; waiting for CertificateVerify"),
    WAIT_FINISHED(true, "waiting for the server Finished"),
    SEND_EOED(false, "server Finished received, 0-RTT accepted; next: send EndOfEarlyData"),
    SEND_CERT(false, "server Finished received, client auth requested; next: send Certificate"),
    SEND_CV(false, "non-empty client Certificate sent; next: send CertificateVerify"),
    SEND_FINISHED(false, "next: send the client Finished"),
    CONNECTED(true, "handshake complete, application keys both ways"),
    PHA_SEND_CERT(false, "post-handshake CertificateRequest received; next: send Certificate"),
    PHA_SEND_CV(false, "post-handshake: non-empty Certificate sent; next: send CertificateVerify"),
    PHA_SEND_FINISHED(false, "post-handshake: next: send Finished"),
    CLOSED(false, "close_notify sent or received");

    private final boolean fromRfc;
    private final String description;

    Tls13ClientState(boolean fromRfc, String description) {
        this.fromRfc = fromRfc;
        this.description = description;
    }

    @Override
    public boolean fromRfc() {
        return fromRfc;
    }

    @Override
    public String description() {
        return description;
    }
}
