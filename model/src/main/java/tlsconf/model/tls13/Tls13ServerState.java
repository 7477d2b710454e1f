package tlsconf.model.tls13;

import tlsconf.model.State;

/**
 * The TLS 1.3 server's states: those of RFC 8446 Appendix A.2, spelled as there, plus the states that split the
 * server's first flight ("Send ServerHello ... Send Finished") and the HelloRetryRequest loop into one event each.
 */
public enum Tls13ServerState implements State {
    START(true, "waiting for the first ClientHello"),
    RECVD_CH(true, "ClientHello received; next: send ServerHello or HelloRetryRequest"),
    WAIT_CH2(false, "HelloRetryRequest sent (the RFC's return to START); waiting for the second ClientHello"),
    RECVD_CH2(false, "second ClientHello received; next: send ServerHello (a second HRR is not allowed)"),
    NEGOTIATED(true, "ServerHello sent, K_send = handshake; next: send EncryptedExtensions"),
    SENT_EE(false, "EncryptedExtensions sent; next: CertificateRequest, Certificate or (PSK) Finished"),
    SENT_CR(false, "CertificateRequest sent; next: send Certificate"),
    SENT_CERT(false, "server Certificate sent; next: send CertificateVerify"),
    SENT_CV(false, "CertificateVerify sent; next: send Finished"),
    WAIT_EOED(true, "Finished sent, 0-RTT accepted; reading early data until EndOfEarlyData"),
    WAIT_FLIGHT2(true, "waiting for the client's second flight (handshake keys)"),
    WAIT_CERT(true, "Finished sent, client auth requested (WAIT_FLIGHT2 with auth); waiting for the client Certificate"),
    WAIT_CV(true, "non-empty client Certificate received; waiting for CertificateVerify"),
    WAIT_FINISHED(true, "waiting for the client Finished"),
    CONNECTED(true, "handshake complete, application keys both ways"),
    PHA_WAIT_CERT(false, "post-handshake CertificateRequest sent; waiting for the client Certificate"),
    PHA_WAIT_CV(false, "post-handshake: non-empty Certificate received; waiting for CertificateVerify"),
    PHA_WAIT_FINISHED(false, "post-handshake: waiting for the client Finished"),
    CLOSED(false, "close_notify sent or received");

    private final boolean fromRfc;
    private final String description;

    Tls13ServerState(boolean fromRfc, String description) {
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
