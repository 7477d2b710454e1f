package tlsconf.vectorrun;

import java.util.ArrayList;
import java.util.List;
import tlsconf.vectorrun.Recorder.Peer;
import tlsconf.vectorrun.Recorder.Setup;

/**
 * What {@link Recorder} records: one {@link Setup} per golden transcript (peer, our side's version, suite and
 * groups, the peer's extra options, connections). Options may name {@code {cert}}/{@code {key}} (the ECDSA P-256
 * pair: our side's credentials, and the CA file for client authentication) and {@code {rsacert}}/{@code {rsakey}}
 * (an RSA 2048 pair for the RSA suites); both pairs are generated per recording run.
 */
final class RecordingSetups {
    private static final String GNUTLS_13 = "--priority=NORMAL:-VERS-ALL:+VERS-TLS1.3";
    private static final String GNUTLS_12 = "--priority=NORMAL:-VERS-ALL:+VERS-TLS1.2";
    /** gnutls-serv asks for and checks a client certificate against our ECDSA certificate. */
    static final String GNUTLS_CLIENT_AUTH = "--require-client-cert";
    private static final List<String> GNUTLS_VERIFY = List.of(GNUTLS_CLIENT_AUTH, "--verify-client-cert",
            "--x509cafile={cert}");
    /** gnutls-serv's second certificate, for the RSA suites. */
    private static final List<String> GNUTLS_RSA_PAIR = List.of("--x509certfile={rsacert}", "--x509keyfile={rsakey}");
    /** openssl s_server's second certificate, used for the RSA suites. */
    private static final List<String> RSA_PAIR = List.of("-dcert", "{rsacert}", "-dkey", "{rsakey}");

    static final List<Setup> ALL = List.of(
            new Setup("tls13-aes128-x25519", "TLS 1.3, TLS_AES_128_GCM_SHA256, x25519, 1-RTT",
                    "TLS_AES_128_GCM_SHA256", "X25519", List.of("-ciphersuites", "TLS_AES_128_GCM_SHA256")),
            new Setup("tls13-aes256-x25519", "TLS 1.3, TLS_AES_256_GCM_SHA384, x25519, 1-RTT",
                    "TLS_AES_256_GCM_SHA384", "X25519", List.of("-ciphersuites", "TLS_AES_256_GCM_SHA384")),
            new Setup("tls13-chacha20-x25519", "TLS 1.3, TLS_CHACHA20_POLY1305_SHA256, x25519, 1-RTT",
                    "TLS_CHACHA20_POLY1305_SHA256", "X25519",
                    List.of("-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256")),
            new Setup("tls13-aes128-p256", "TLS 1.3, TLS_AES_128_GCM_SHA256, secp256r1 key share, 1-RTT",
                    "TLS_AES_128_GCM_SHA256", "SECP256R1", List.of("-groups", "P-256")),
            new Setup("tls13-hrr-p256", "TLS 1.3: our x25519 share, the server wants P-256: HelloRetryRequest",
                    "TLS_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of("-groups", "P-256")),
            new Setup(Peer.GNUTLS, "tls13-aes128-x25519", "TLS 1.3, TLS_AES_128_GCM_SHA256, x25519, 1-RTT",
                    "TLS_AES_128_GCM_SHA256", "X25519", List.of(GNUTLS_13)),
            new Setup(Peer.GNUTLS, "tls13-chacha20-x25519", "TLS 1.3, TLS_CHACHA20_POLY1305_SHA256, x25519, 1-RTT",
                    "TLS_CHACHA20_POLY1305_SHA256", "X25519", List.of(GNUTLS_13)),
            new Setup(Peer.GNUTLS, "tls13-hrr-p256", "TLS 1.3: our x25519 share, the server wants P-256: "
                    + "HelloRetryRequest", "TLS_AES_128_GCM_SHA256", "X25519,SECP256R1",
                    List.of(GNUTLS_13 + ":-GROUP-ALL:+GROUP-SECP256R1")),
            new Setup(Peer.OPENSSL, "tls13-client-auth", "TLS 1.3, the server requires a client certificate: our "
                    + "client answers with an ECDSA P-256 certificate and CertificateVerify",
                    "TLS_AES_128_GCM_SHA256", "X25519", List.of("-Verify", "1", "-CAfile", "{cert}")),
            new Setup(Peer.OPENSSL, "tls13-resumption", "TLS 1.3 resumption: a full handshake, then a second "
                    + "connection offering the server's ticket (psk_dhe_ke)", "TLS_AES_128_GCM_SHA256", "X25519",
                    List.of(), 2),
            new Setup(Peer.OPENSSL_CLIENT, "server-tls13-aes128-x25519", "our server, TLS 1.3, "
                    + "TLS_AES_128_GCM_SHA256, x25519, ECDSA P-256", "TLS_AES_128_GCM_SHA256", "X25519,SECP256R1",
                    List.of("-ciphersuites", "TLS_AES_128_GCM_SHA256")),
            new Setup(Peer.OPENSSL_CLIENT, "server-tls13-hrr-p256", "our server wants P-256, s_client offers an "
                    + "x25519 share first: HelloRetryRequest", "TLS_AES_256_GCM_SHA384", "SECP256R1",
                    List.of("-groups", "X25519:P-256")),
            // TLS 1.2: our client against openssl s_server -tls1_2 (RSA suites use the RSA pair, -dcert).
            Setup.tls12(Peer.OPENSSL, "tls12-ecdhe-ecdsa-aes128", "TLS 1.2, "
                    + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, x25519, extended master secret",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of(), 1),
            Setup.tls12(Peer.OPENSSL, "tls12-ecdhe-ecdsa-aes256-p256", "TLS 1.2, "
                    + "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, ECDHE on secp256r1",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "SECP256R1", List.of(), 1),
            Setup.tls12(Peer.OPENSSL, "tls12-ecdhe-rsa-chacha20", "TLS 1.2, "
                    + "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 (RFC 7905), x25519, RSA certificate",
                    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "X25519,SECP256R1", RSA_PAIR, 1),
            Setup.tls12(Peer.OPENSSL, "tls12-rsa-aes128", "TLS 1.2, TLS_RSA_WITH_AES_128_GCM_SHA256: RSA key "
                    + "transport of our premaster secret", "TLS_RSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1",
                    RSA_PAIR, 1),
            Setup.tls12(Peer.OPENSSL, "tls12-client-auth", "TLS 1.2, the server requires a client certificate: "
                    + "our client answers with an ECDSA P-256 certificate and CertificateVerify",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1",
                    List.of("-Verify", "1", "-CAfile", "{cert}"), 1),
            Setup.tls12(Peer.OPENSSL, "tls12-resumption-session-id", "TLS 1.2 resumption by session ID (the "
                    + "server issues no tickets): a full handshake, then an abbreviated one on a second connection",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of("-no_ticket"), 2),
            Setup.tls12(Peer.OPENSSL, "tls12-resumption-ticket", "TLS 1.2 resumption by RFC 5077 session ticket: "
                    + "a full handshake with NewSessionTicket, then an abbreviated one offering the ticket",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of(), 2),
            Setup.tls12(Peer.GNUTLS, "tls12-ecdhe-ecdsa-aes128", "TLS 1.2, "
                    + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, x25519, extended master secret",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of(GNUTLS_12), 1),
            Setup.tls12(Peer.GNUTLS, "tls12-ecdhe-ecdsa-chacha20", "TLS 1.2, "
                    + "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, secp256r1",
                    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "SECP256R1", List.of(GNUTLS_12), 1),
            // Our server against openssl s_client -tls1_2 and gnutls-cli.
            Setup.tls12(Peer.OPENSSL_CLIENT, "server-tls12-ecdhe-ecdsa-aes128", "our server, TLS 1.2, "
                    + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ECDSA P-256, session ticket issued",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of(), 1),
            Setup.tls12(Peer.OPENSSL_CLIENT, "server-tls12-ecdhe-ecdsa-chacha20", "our server, TLS 1.2, "
                    + "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, secp256r1, ECDSA P-256",
                    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "SECP256R1", List.of(), 1),
            Setup.tls12(Peer.OPENSSL_CLIENT, "server-tls12-ecdhe-rsa-aes256", "our server, TLS 1.2, "
                    + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, RSA 2048 certificate (RSA-PSS signature from the "
                    + "seeded randomness)", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "X25519,SECP256R1", List.of(), 1),
            Setup.tls12(Peer.OPENSSL_CLIENT, "server-tls12-rsa-aes128", "our server, TLS 1.2, "
                    + "TLS_RSA_WITH_AES_128_GCM_SHA256: s_client's premaster secret decrypted with the RFC 5246 "
                    + "§7.4.7.1 countermeasure", "TLS_RSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of(), 1),
            Setup.tls12(Peer.GNUTLS, "tls12-resumption-ticket", "TLS 1.2 resumption by RFC 5077 session ticket: "
                    + "a full handshake with NewSessionTicket, then an abbreviated one offering the ticket",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of(GNUTLS_12), 2),
            new Setup(Peer.GNUTLS, "tls13-aes256-x25519", "TLS 1.3, TLS_AES_256_GCM_SHA384, x25519, 1-RTT",
                    "TLS_AES_256_GCM_SHA384", "X25519", List.of(GNUTLS_13)),
            new Setup(Peer.GNUTLS, "tls13-client-auth", "TLS 1.3, the server requires a client certificate: our "
                    + "client answers with an ECDSA P-256 certificate and CertificateVerify",
                    "TLS_AES_128_GCM_SHA256", "X25519", with(GNUTLS_13, GNUTLS_VERIFY)),
            Setup.tls12(Peer.GNUTLS, "tls12-client-auth", "TLS 1.2, the server requires a client certificate: "
                    + "our client answers with an ECDSA P-256 certificate and CertificateVerify",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1", with(GNUTLS_12, GNUTLS_VERIFY),
                    1),
            Setup.tls12(Peer.GNUTLS, "tls12-ecdhe-rsa-aes256", "TLS 1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "
                    + "x25519, RSA certificate", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "X25519,SECP256R1",
                    with(GNUTLS_12, GNUTLS_RSA_PAIR), 1),
            Setup.tls12(Peer.GNUTLS, "tls12-rsa-aes128", "TLS 1.2, TLS_RSA_WITH_AES_128_GCM_SHA256: RSA key "
                    + "transport of our premaster secret", "TLS_RSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1",
                    with(GNUTLS_12 + ":+RSA", GNUTLS_RSA_PAIR), 1),
            new Setup(Peer.GNUTLS, "tls13-resumption", "TLS 1.3 resumption: a full handshake, then a second "
                    + "connection offering the server's ticket (psk_dhe_ke)", "TLS_AES_128_GCM_SHA256", "X25519",
                    List.of(GNUTLS_13), 2),
            new Setup(Peer.OPENSSL_CLIENT, "server-tls13-chacha20-x25519", "our server, TLS 1.3, "
                    + "TLS_CHACHA20_POLY1305_SHA256, x25519, ECDSA P-256", "TLS_CHACHA20_POLY1305_SHA256",
                    "X25519,SECP256R1", List.of()),
            new Setup(Peer.OPENSSL_CLIENT, "server-tls13-client-auth", "our server requires a client certificate: "
                    + "s_client answers with an ECDSA P-256 certificate and CertificateVerify",
                    "TLS_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of("-cert", "{cert}", "-key", "{key}")),
            Setup.tls12(Peer.OPENSSL_CLIENT, "server-tls12-client-auth", "our server, TLS 1.2, requires a client "
                    + "certificate: s_client answers with an ECDSA P-256 certificate and CertificateVerify",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1",
                    List.of("-cert", "{cert}", "-key", "{key}"), 1),
            new Setup(Peer.GNUTLS_CLIENT, "server-tls13-chacha20-x25519", "our server, TLS 1.3, "
                    + "TLS_CHACHA20_POLY1305_SHA256, x25519, ECDSA P-256", "TLS_CHACHA20_POLY1305_SHA256",
                    "X25519,SECP256R1", List.of(GNUTLS_13)),
            new Setup(Peer.GNUTLS_CLIENT, "server-tls13-client-auth", "our server requires a client certificate: "
                    + "gnutls-cli answers with an ECDSA P-256 certificate and CertificateVerify",
                    "TLS_AES_128_GCM_SHA256", "X25519,SECP256R1",
                    List.of(GNUTLS_13, "--x509certfile={cert}", "--x509keyfile={key}")),
            new Setup(Peer.OPENSSL_CLIENT, "server-tls13-resumption", "our server issues a ticket on the first "
                    + "connection; s_client (-sess_out, then -sess_in) resumes with it on the second (psk_dhe_ke)",
                    "TLS_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of("{resume}"), 2),
            Setup.tls12(Peer.OPENSSL_CLIENT, "server-tls12-resumption-ticket", "our server, TLS 1.2, issues an "
                    + "RFC 5077 ticket on the first connection; s_client (-sess_out, then -sess_in) resumes with it",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of("{resume}"), 2),
            new Setup(Peer.GNUTLS_CLIENT, "server-tls13-aes128-x25519", "our server, TLS 1.3, "
                    + "TLS_AES_128_GCM_SHA256, x25519, ECDSA P-256", "TLS_AES_128_GCM_SHA256", "X25519,SECP256R1",
                    List.of(GNUTLS_13)),
            new Setup(Peer.GNUTLS_CLIENT, "server-tls13-hrr-p384", "our server wants secp384r1, which gnutls-cli "
                    + "supports but sends no share for: HelloRetryRequest", "TLS_AES_256_GCM_SHA384", "SECP384R1",
                    List.of(GNUTLS_13)),
            new Setup(Peer.GNUTLS_CLIENT, "server-tls13-resumption", "our server issues a ticket on the first "
                    + "connection; gnutls-cli --resume --waitresumption offers it on a second connection",
                    "TLS_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of(GNUTLS_13, "--resume", "--waitresumption"),
                    2),
            Setup.tls12(Peer.GNUTLS_CLIENT, "server-tls12-resumption-ticket", "our server, TLS 1.2, issues an RFC "
                    + "5077 ticket; gnutls-cli --resume offers it on a second connection",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "X25519,SECP256R1", List.of(GNUTLS_12, "--resume"), 2),
            Setup.tls12(Peer.GNUTLS_CLIENT, "server-tls12-ecdhe-ecdsa-aes128", "our server, TLS 1.2, "
                    + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, ECDSA P-256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    "X25519,SECP256R1", List.of(GNUTLS_12), 1));

    private static List<String> with(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return List.copyOf(all);
    }

    private RecordingSetups() {
    }
}
