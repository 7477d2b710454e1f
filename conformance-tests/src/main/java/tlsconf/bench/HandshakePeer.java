package tlsconf.bench;

import tlsconf.model.vocabulary.TlsVersion;

/**
 * One implementation under measurement: {@link #handshake()} runs one complete handshake of {@link #version()}
 * between a fresh client and a fresh server of this implementation, in memory, and says what was negotiated.
 * Configuration that a real deployment builds once (contexts, keys, trust managers) is built once in the constructor.
 */
interface HandshakePeer {
    /** The name in the table. */
    String name();

    /** The protocol version every handshake of this peer negotiates (one table per version). */
    TlsVersion version();

    /** One full handshake with new client and server objects; fails loudly if it does not complete. */
    Outcome handshake() throws Exception;

    /**
     * What the handshake agreed, as the implementation reports it (checked by the tests and once per run): version
     * as "TLSv1.3" or "TLSv1.2", suite by its IANA name, group by its IANA name or "n/a" where the API does not say.
     */
    record Outcome(String version, String cipherSuite, String group) {
    }
}
