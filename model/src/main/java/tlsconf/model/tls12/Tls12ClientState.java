package tlsconf.model.tls12;

import tlsconf.model.State;

/**
 * The TLS 1.2 client's states. RFC 5246 draws the handshake as message flows (Figures 1 and 2), not as a state
 * machine; the names follow RFC 8446 Appendix A's style (WAIT_ for what the client waits for, SEND_ for what it
 * sends next), the structure follows Beurdouche et al., "A Messy State of the Union" (IEEE S&amp;P 2015), Fig. 3.
 */
public enum Tls12ClientState implements State {
    START(false, "nothing sent yet; next: send ClientHello"),
    WAIT_SH(false, "ClientHello sent; waiting for ServerHello"),
    WAIT_CERT(false, "full handshake; waiting for the server Certificate"),
    WAIT_SKE(false, "ECDHE; waiting for ServerKeyExchange"),
    WAIT_CR_OR_SHD(false, "waiting for CertificateRequest or ServerHelloDone"),
    WAIT_SHD(false, "CertificateRequest received; waiting for ServerHelloDone"),
    SEND_CERT(false, "client auth requested; next: send Certificate"),
    SEND_CKE(false, "next: send ClientKeyExchange"),
    SEND_CV(false, "non-empty client Certificate sent; next: send CertificateVerify"),
    SEND_CCS(false, "next: send ChangeCipherSpec"),
    SEND_FINISHED(false, "ChangeCipherSpec sent; next: send Finished under the new keys"),
    WAIT_NST(false, "ticket announced; waiting for NewSessionTicket"),
    WAIT_CCS(false, "waiting for the server ChangeCipherSpec"),
    WAIT_FINISHED(false, "server ChangeCipherSpec received; waiting for the server Finished"),
    CONNECTED(false, "handshake complete"),
    HELLO_REQUESTED(false, "HelloRequest received after the handshake; renegotiation is refused"),
    CLOSED(false, "close_notify sent or received");

    private final boolean fromRfc;
    private final String description;

    Tls12ClientState(boolean fromRfc, String description) {
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
