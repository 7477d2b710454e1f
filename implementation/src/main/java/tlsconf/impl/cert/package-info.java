/**
 * Certificates for the reference TLS implementation and the conformance engine.
 *
 * <h2>Validating a peer's chain</h2>
 * <pre>{@code
 * CertificateValidator v = new CertificateValidator(trustAnchors, clock);
 * List<X509Certificate> chain = v.parseChain(certDataOfEachEntry);   // bad_certificate on junk, truncation, trailing bytes
 * v.validateServerChain(chain, "localhost");                         // client side; null skips the name check
 * v.validateClientChain(chain);                                      // server side, client authentication required
 * }</pre>
 * Failures are {@link tlsconf.impl.cert.CertificateRejection}s: {@code alert()} is the RFC 8446 §6.2 alert to send,
 * {@code violation()} the named reason ({@link tlsconf.impl.cert.CertificateViolation} documents the mapping with its
 * citations), {@code getMessage()} names the certificate and the defect. Path validation is the JDK's PKIX
 * {@code CertPathValidator}; the TLS rules on top are algorithm and key policy, v1 intermediates, leaf key usage and
 * extended key usage, and RFC 6125 name matching.
 *
 * <h2>Credentials and PEM</h2>
 * {@link tlsconf.impl.cert.Credentials#fromPem} reads a chain and a key (PKCS#8, SEC1, PKCS#1) and checks that they
 * belong together; {@link tlsconf.impl.cert.Pem} reads and writes the files OpenSSL and GnuTLS use.
 *
 * <h2>Test PKI and bad certificates</h2>
 * {@link tlsconf.impl.cert.TestPki} issues root, intermediate and leaf certificates for each
 * {@link tlsconf.impl.cert.KeyType} (deterministically from a seed and a clock), writes them as PEM files in one call
 * ({@link tlsconf.impl.cert.TestPki.Chain#writeTo}), and builds the chains of every
 * {@link tlsconf.impl.cert.CertificateDefect} with its expected alerts ({@link tlsconf.impl.cert.DefectiveChain}).
 */
package tlsconf.impl.cert;
