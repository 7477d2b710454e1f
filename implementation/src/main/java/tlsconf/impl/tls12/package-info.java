/**
 * The TLS 1.2 reference client and server (RFC 5246), on the same codecs, alerts, certificates, primitives and key log
 * as the TLS 1.3 side.
 *
 * <ul>
 *   <li>{@link tlsconf.impl.tls12.Tls12Engine}: one connection in memory (bytes in, bytes out), driven by a
 *       {@link tlsconf.impl.TlsConfig} (credentials, trust, groups, signature schemes, randomness, clock, key log) and
 *       {@link tlsconf.impl.tls12.Tls12Options} (suites, extended master secret, sessions, tickets, TLS 1.3
 *       capability for the downgrade sentinel). Applications reach it through {@link tlsconf.impl.TlsEngine} and
 *       {@link tlsconf.impl.TlsSocket} with a config of {@code versions(TLS_1_2).tls12(options)}.</li>
 *   <li>{@link tlsconf.impl.tls12.Tls12ClientHandshake}, {@link tlsconf.impl.tls12.Tls12ServerHandshake}: states as
 *       types ({@code ExpectServerHello}, {@code ExpectCertificate}, {@code ExpectServerKeyExchange}, ...,
 *       {@code ExpectChangeCipherSpec}, {@code ExpectFinished}, {@code Connected}), written from RFC 5246 §7.3.</li>
 *   <li>{@link tlsconf.impl.tls12.Prf} (RFC 5246 §5, RFC 7627), {@link tlsconf.impl.tls12.KeyBlock},
 *       {@link tlsconf.impl.tls12.Tls12Protection} (AES-GCM per RFC 5288 with the sequence number as explicit nonce,
 *       ChaCha20-Poly1305 per RFC 7905), {@link tlsconf.impl.tls12.Tls12RecordLayer}.</li>
 *   <li>{@link tlsconf.impl.tls12.RsaKeyTransport}: the RFC 5246 §7.4.7.1 countermeasure.</li>
 *   <li>{@code tlsconf.impl.tls12.message}: one record per TLS 1.2 message with encode/static decode.</li>
 *   <li>{@link tlsconf.impl.tls12.Tls12Seam}: the test-peer hook; {@link tlsconf.impl.tls12.VersionSniffer} and
 *       {@link tlsconf.impl.tls12.Tls12Engine#continueClient} let one endpoint serve both versions.</li>
 * </ul>
 *
 * Not built: renegotiation (refused: no_renegotiation warnings both ways), CBC suites, DHE, False Start, the
 * status_request and ALPN extensions.
 */
package tlsconf.impl.tls12;
