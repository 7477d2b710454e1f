package tlsconf.model.tls12;

import tlsconf.model.State;

/**
 * The TLS 1.2 server's states, named as for {@link Tls12ClientState} (RFC 5246 Figures 1 and 2 as a machine).
 */
public enum Tls12ServerState implements State {
    START(false, "waiting for ClientHello"),
    SEND_SH(false, "ClientHello received; next: send ServerHello"),
    SEND_CERT(false, "full handshake; next: send Certificate"),
    SEND_SKE(false, "ECDHE; next: send ServerKeyExchange"),
    SEND_CR_OR_SHD(false, "next: send CertificateRequest or ServerHelloDone"),
    SEND_SHD(false, "CertificateRequest sent; next: send ServerHelloDone"),
    WAIT_CERT(false, "client auth requested; waiting for the client Certificate"),
    WAIT_CKE(false, "waiting for ClientKeyExchange"),
    WAIT_CV(false, "non-empty client Certificate received; waiting for CertificateVerify"),
    WAIT_CCS(false, "waiting for the client ChangeCipherSpec"),
    WAIT_FINISHED(false, "client ChangeCipherSpec received; waiting for the client Finished"),
    SEND_NST(false, "next: send NewSessionTicket"),
    SEND_CCS(false, "next: send ChangeCipherSpec"),
    SEND_FINISHED(false, "ChangeCipherSpec sent; next: send Finished under the new keys"),
    CONNECTED(false, "handshake complete"),
    RENEGOTIATION_REFUSED(false, "ClientHello received after the handshake; next: refuse with no_renegotiation"),
    CLOSED(false, "close_notify sent or received");

    private final boolean fromRfc;
    private final String description;

    Tls12ServerState(boolean fromRfc, String description) {
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
