package tlsconf.impl.crypto;

import tlsconf.impl.CipherSuite;

/** The write key and IV derived from a traffic secret (RFC 8446 §7.3). */
public record TrafficKeys(byte[] key, byte[] iv) {
    public static TrafficKeys derive(CipherSuite suite, byte[] trafficSecret) {
        HashAlgorithm h = suite.hash();
        return new TrafficKeys(Hkdf.expandLabel(h, trafficSecret, "key", new byte[0], suite.keyLength()),
                Hkdf.expandLabel(h, trafficSecret, "iv", new byte[0], 12));
    }
}
