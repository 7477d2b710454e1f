package tlsconf.impl.crypto;

import tlsconf.impl.CipherSuite;

/** The write key and IV derived from a traffic secret (RFC 8446 §7.3). */
public record TrafficKeys(byte[] key, byte[] iv) {
    private static final byte[] EMPTY = new byte[0];

    public static TrafficKeys derive(CipherSuite suite, byte[] trafficSecret) {
        Hkdf.Keyed prk = Hkdf.keyed(suite.hash(), trafficSecret);
        return new TrafficKeys(prk.expandLabel("key", EMPTY, suite.keyLength()), prk.expandLabel("iv", EMPTY, 12));
    }
}
