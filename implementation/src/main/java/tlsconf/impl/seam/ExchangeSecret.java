package tlsconf.impl.seam;

import tlsconf.impl.CipherSuite;
import tlsconf.impl.tls12.Tls12CipherSuite;

/**
 * The secret every later key of a connection grows from, handed to a test peer's seam once the engine has it, so the
 * peer can derive the keys the other side would use under a transcript other than its own (one holding a message the
 * seam changed on the wire, or the other side's own flight). Only a seam that overrides
 * {@link Seam#onExchangeSecret} ever sees it; the engine neither logs nor writes it (key logs carry traffic and master
 * secrets only, and only when configured).
 */
public sealed interface ExchangeSecret {

    /**
     * TLS 1.3 (RFC 8446 §7.1): the (EC)DHE shared secret (null for psk_ke) and the Handshake Secret extracted from it
     * (and the PSK, if any). From the Handshake Secret follow the handshake traffic secrets for any
     * Transcript-Hash(ClientHello..ServerHello) and, through the Master Secret, the application traffic secrets for
     * any Transcript-Hash(ClientHello..server Finished).
     */
    record Tls13(CipherSuite suite, byte[] sharedSecret, byte[] handshakeSecret) implements ExchangeSecret {
        public Tls13 {
            sharedSecret = sharedSecret == null ? null : sharedSecret.clone();
            handshakeSecret = handshakeSecret.clone();
        }

        @Override
        public byte[] handshakeSecret() {
            return handshakeSecret.clone();
        }

        @Override
        public byte[] sharedSecret() {
            return sharedSecret == null ? null : sharedSecret.clone();
        }
    }

    /**
     * TLS 1.2 (RFC 5246 §8.1, RFC 7627 §4): the pre_master_secret and the master_secret this engine derived from it
     * ({@code extendedMasterSecret}: from the session hash, else from the two randoms). With the premaster a peer can
     * derive the master secret of another session hash; the key block follows from the master secret and the randoms
     * (§6.3).
     */
    record Tls12(Tls12CipherSuite suite, byte[] premasterSecret, byte[] masterSecret, boolean extendedMasterSecret)
            implements ExchangeSecret {
        public Tls12 {
            premasterSecret = premasterSecret.clone();
            masterSecret = masterSecret.clone();
        }

        @Override
        public byte[] premasterSecret() {
            return premasterSecret.clone();
        }

        @Override
        public byte[] masterSecret() {
            return masterSecret.clone();
        }
    }
}
