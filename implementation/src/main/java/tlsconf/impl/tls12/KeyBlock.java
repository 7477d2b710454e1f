package tlsconf.impl.tls12;

import java.util.Arrays;

/**
 * The key block of an AEAD suite split into its parts (RFC 5246 §6.3): no MAC keys for AEAD suites, then
 * client_write_key, server_write_key, client_write_IV, server_write_IV.
 */
public record KeyBlock(byte[] clientKey, byte[] serverKey, byte[] clientIv, byte[] serverIv) {

    public static KeyBlock derive(Tls12CipherSuite suite, byte[] master, byte[] clientRandom, byte[] serverRandom) {
        int k = suite.keyLength();
        int iv = suite.fixedIvLength();
        byte[] block = Prf.keyBlock(suite.hash(), master, clientRandom, serverRandom, 2 * k + 2 * iv);
        return new KeyBlock(Arrays.copyOfRange(block, 0, k), Arrays.copyOfRange(block, k, 2 * k),
                Arrays.copyOfRange(block, 2 * k, 2 * k + iv), Arrays.copyOfRange(block, 2 * k + iv, 2 * k + 2 * iv));
    }

    public Tls12Protection clientWrite(Tls12CipherSuite suite) {
        return new Tls12Protection(suite, clientKey, clientIv);
    }

    public Tls12Protection serverWrite(Tls12CipherSuite suite) {
        return new Tls12Protection(suite, serverKey, serverIv);
    }
}
