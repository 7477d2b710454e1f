/**
 * The TLS 1.2 client and server of RFC 5246 Figures 1 and 2 (RSA and ECDHE key exchange, optional client
 * authentication, abbreviated handshake), RFC 5077 tickets and refused renegotiation.
 */
package tlsconf.model.tls12;
