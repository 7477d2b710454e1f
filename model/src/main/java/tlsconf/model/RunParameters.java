package tlsconf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The parameters of one run: every branch condition of the handshake diagrams, named. Guards
 * ({@link Guard}) read nothing else, so the same parameters and events always give the same answer.
 *
 * @param helloRetryRequest the server answers the first ClientHello with a HelloRetryRequest (TLS 1.3 only)
 * @param resumption TLS 1.3: the server accepts a PSK (resumption); TLS 1.2: the abbreviated handshake
 * @param earlyData whether the client offers 0-RTT data and whether the server accepts it (TLS 1.3 only)
 * @param clientAuthRequested the server sends a CertificateRequest
 * @param clientCertificate what the client answers a CertificateRequest with ({@link ClientCertificate#NOT_REQUESTED}
 *     exactly when no CertificateRequest is sent, in or after the handshake)
 * @param keyExchange the TLS 1.2 key exchange; TLS 1.3 always uses (EC)DHE
 * @param sessionTicket TLS 1.2: the server sends a NewSessionTicket in this handshake (RFC 5077 §3.3)
 * @param postHandshakeAuth TLS 1.3: the client offered post_handshake_auth and the server sends a
 *     CertificateRequest after the handshake (RFC 8446 §4.6.2), answered as {@code clientCertificate} says
 */
public record RunParameters(
        boolean helloRetryRequest,
        boolean resumption,
        EarlyData earlyData,
        boolean clientAuthRequested,
        ClientCertificate clientCertificate,
        KeyExchange keyExchange,
        boolean sessionTicket,
        boolean postHandshakeAuth) {

    /** 0-RTT (RFC 8446 §4.2.10). */
    public enum EarlyData {
        NOT_OFFERED,
        /** The client sends early data, the server rejects it and skips the records. */
        OFFERED_REJECTED,
        ACCEPTED
    }

    /** The client's answer to a CertificateRequest (RFC 8446 §4.4.2, RFC 5246 §7.4.6). */
    public enum ClientCertificate {
        NOT_REQUESTED,
        /** A Certificate message with no certificates, hence no CertificateVerify. */
        EMPTY,
        /** A certificate, hence a CertificateVerify. */
        NON_EMPTY
    }

    /** TLS 1.2 key exchange (RFC 5246 §7.4.3, RFC 8422 §2). */
    public enum KeyExchange {
        /** ClientKeyExchange carries the RSA-encrypted premaster secret; no ServerKeyExchange. */
        RSA,
        /** The server's ephemeral share travels in a ServerKeyExchange. */
        ECDHE
    }

    public RunParameters {
        Objects.requireNonNull(earlyData, "earlyData");
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        Objects.requireNonNull(keyExchange, "keyExchange");
    }

    /** Parameters without post-handshake authentication (the form before it was modelled). */
    public RunParameters(boolean helloRetryRequest, boolean resumption, EarlyData earlyData,
            boolean clientAuthRequested, ClientCertificate clientCertificate, KeyExchange keyExchange,
            boolean sessionTicket) {
        this(helloRetryRequest, resumption, earlyData, clientAuthRequested, clientCertificate, keyExchange,
                sessionTicket, false);
    }

    /** A full handshake without HRR, early data, client authentication or ticket; ECDHE. */
    public static RunParameters defaults() {
        return new RunParameters(false, false, EarlyData.NOT_OFFERED, false, ClientCertificate.NOT_REQUESTED,
                KeyExchange.ECDHE, false);
    }

    public RunParameters withHelloRetryRequest(boolean v) {
        return new RunParameters(v, resumption, earlyData, clientAuthRequested, clientCertificate, keyExchange,
                sessionTicket, postHandshakeAuth);
    }

    public RunParameters withResumption(boolean v) {
        return new RunParameters(helloRetryRequest, v, earlyData, clientAuthRequested, clientCertificate,
                keyExchange, sessionTicket, postHandshakeAuth);
    }

    public RunParameters withEarlyData(EarlyData v) {
        return new RunParameters(helloRetryRequest, resumption, v, clientAuthRequested, clientCertificate,
                keyExchange, sessionTicket, postHandshakeAuth);
    }

    /** Client authentication requested, answered with {@code answer} (EMPTY or NON_EMPTY). */
    public RunParameters withClientAuth(ClientCertificate answer) {
        return new RunParameters(helloRetryRequest, resumption, earlyData, answer != ClientCertificate.NOT_REQUESTED,
                answer, keyExchange, sessionTicket, postHandshakeAuth);
    }

    public RunParameters withKeyExchange(KeyExchange v) {
        return new RunParameters(helloRetryRequest, resumption, earlyData, clientAuthRequested, clientCertificate,
                v, sessionTicket, postHandshakeAuth);
    }

    public RunParameters withSessionTicket(boolean v) {
        return new RunParameters(helloRetryRequest, resumption, earlyData, clientAuthRequested, clientCertificate,
                keyExchange, v, postHandshakeAuth);
    }

    /** Post-handshake client authentication (TLS 1.3), answered with {@code answer} (EMPTY or NON_EMPTY). */
    public RunParameters withPostHandshakeAuth(ClientCertificate answer) {
        return new RunParameters(helloRetryRequest, resumption, earlyData, false, answer, keyExchange,
                sessionTicket, answer != ClientCertificate.NOT_REQUESTED);
    }

    public boolean earlyDataOffered() {
        return earlyData != EarlyData.NOT_OFFERED;
    }

    public boolean earlyDataAccepted() {
        return earlyData == EarlyData.ACCEPTED;
    }

    public boolean clientCertificateEmpty() {
        return clientCertificate == ClientCertificate.EMPTY;
    }

    /**
     * What makes these parameters impossible for {@code version}, one reason per entry; empty when they are
     * consistent. The oracle refuses inconsistent parameters.
     */
    public List<String> problemsFor(TlsVersion version) {
        List<String> problems = new ArrayList<>();
        if ((clientAuthRequested || postHandshakeAuth) != (clientCertificate != ClientCertificate.NOT_REQUESTED)) {
            problems.add("clientCertificate must be NOT_REQUESTED exactly when no certificate is requested");
        }
        if (clientAuthRequested && postHandshakeAuth) {
            problems.add("tlsconf models a certificate request in the handshake or after it, not both");
        }
        if (version == TlsVersion.TLS_1_3) {
            if (earlyDataAccepted() && !resumption) {
                problems.add("0-RTT is accepted only with an accepted PSK (RFC 8446 §4.2.10)");
            }
            if (earlyDataAccepted() && helloRetryRequest) {
                problems.add("after a HelloRetryRequest early data is rejected (RFC 8446 §4.2.10)");
            }
            if (resumption && clientAuthRequested) {
                problems.add("a server authenticating with a PSK sends no CertificateRequest (RFC 8446 §4.3.2)");
            }
            if (keyExchange != KeyExchange.ECDHE) {
                problems.add("TLS 1.3 has no RSA key exchange (RFC 8446 §1.2)");
            }
            if (sessionTicket) {
                problems.add("sessionTicket is a TLS 1.2 parameter; TLS 1.3 tickets are post-handshake");
            }
        } else {
            if (helloRetryRequest) {
                problems.add("HelloRetryRequest exists only in TLS 1.3");
            }
            if (postHandshakeAuth) {
                problems.add("post-handshake authentication exists only in TLS 1.3");
            }
            if (earlyData != EarlyData.NOT_OFFERED) {
                problems.add("0-RTT exists only in TLS 1.3");
            }
            if (resumption && clientAuthRequested) {
                problems.add("the abbreviated handshake has no CertificateRequest (RFC 5246 §7.3, Figure 2)");
            }
        }
        return problems;
    }

    /** Every consistent combination for {@code version}, in a fixed order (the generators' parameter space). */
    public static List<RunParameters> all(TlsVersion version) {
        List<RunParameters> out = new ArrayList<>();
        for (boolean hrr : new boolean[] {false, true}) {
            for (boolean res : new boolean[] {false, true}) {
                for (EarlyData ed : EarlyData.values()) {
                    for (ClientCertificate cc : ClientCertificate.values()) {
                        for (KeyExchange kx : KeyExchange.values()) {
                            for (boolean ticket : new boolean[] {false, true}) {
                                for (boolean pha : new boolean[] {false, true}) {
                                    RunParameters p = new RunParameters(hrr, res, ed,
                                            cc != ClientCertificate.NOT_REQUESTED && !pha, cc, kx, ticket, pha);
                                    // the key exchange of a resumed TLS 1.2 session changes no message
                                    boolean redundant = version == TlsVersion.TLS_1_2 && res
                                            && kx == KeyExchange.RSA;
                                    if (p.problemsFor(version).isEmpty() && !redundant) {
                                        out.add(p);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@code hrr resumption early=ACCEPTED clientAuth=EMPTY kx=ECDHE ticket}: only what differs from defaults. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (helloRetryRequest) {
            b.append("hrr ");
        }
        if (resumption) {
            b.append("resumption ");
        }
        if (earlyData != EarlyData.NOT_OFFERED) {
            b.append("early=").append(earlyData).append(' ');
        }
        if (clientAuthRequested) {
            b.append("clientAuth=").append(clientCertificate).append(' ');
        }
        if (postHandshakeAuth) {
            b.append("postHandshakeAuth=").append(clientCertificate).append(' ');
        }
        b.append("kx=").append(keyExchange);
        if (sessionTicket) {
            b.append(" ticket");
        }
        return b.toString();
    }
}
