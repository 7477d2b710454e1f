/** The TLS 1.3 client and server of RFC 8446 Appendix A.1 and A.2, with HRR, PSK, 0-RTT and middlebox CCS. */
package tlsconf.model.tls13;
