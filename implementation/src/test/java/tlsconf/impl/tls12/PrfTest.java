package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tlsconf.impl.crypto.HashAlgorithm;

/**
 * The RFC 5246 PRF, master secret, extended master secret (RFC 7627) and key block against OpenSSL 3.0's TLS1-PRF
 * (run as a process), plus committed values recorded from it.
 */
class PrfTest {
    private static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0} secret {1} B, seed {2} B, {3} B out")
    @CsvSource({"SHA256,48,64,48", "SHA256,48,64,104", "SHA256,0,13,12", "SHA256,100,200,300", "SHA384,48,64,48",
            "SHA384,48,32,12", "SHA384,70,7,97", "SHA256,1,1,1"})
    void prfMatchesOpenssl(String digest, int secretLen, int seedLen, int outLen) throws Exception {
        HashAlgorithm hash = HashAlgorithm.valueOf(digest);
        byte[] secret = bytes(secretLen * 31L + seedLen, secretLen);
        byte[] seed = bytes(seedLen * 17L + outLen, seedLen);
        byte[] ours = Prf.prf(hash, secret, "test label", seed, outLen);
        assertArrayEquals(Openssl.tls1Prf(digest, secret, concat(ascii("test label"), seed), outLen), ours);
    }

    @Test
    void masterSecretAndKeyBlockMatchOpenssl() throws Exception {
        byte[] pre = bytes(1, 48);
        byte[] cr = bytes(2, 32);
        byte[] sr = bytes(3, 32);
        for (HashAlgorithm h : HashAlgorithm.values()) {
            String d = h.name();
            byte[] master = Prf.masterSecret(h, pre, cr, sr);
            assertArrayEquals(Openssl.tls1Prf(d, pre, concat(ascii("master secret"), cr, sr), 48), master);
            byte[] sessionHash = h.hash(ascii("handshake messages"));
            assertArrayEquals(Openssl.tls1Prf(d, pre, concat(ascii("extended master secret"), sessionHash), 48),
                    Prf.extendedMasterSecret(h, pre, sessionHash));
            assertArrayEquals(Openssl.tls1Prf(d, master, concat(ascii("client finished"), sessionHash), 12),
                    Prf.verifyData(h, master, true, sessionHash));
            assertArrayEquals(Openssl.tls1Prf(d, master, concat(ascii("server finished"), sessionHash), 12),
                    Prf.verifyData(h, master, false, sessionHash));
        }
        byte[] master = Prf.masterSecret(HashAlgorithm.SHA256, pre, cr, sr);
        for (Tls12CipherSuite s : Tls12CipherSuite.values()) {
            int n = 2 * s.keyLength() + 2 * s.fixedIvLength();
            byte[] block = Openssl.tls1Prf(s.hash().name(), master, concat(ascii("key expansion"), sr, cr), n);
            KeyBlock kb = KeyBlock.derive(s, master, cr, sr);
            assertArrayEquals(block, concat(kb.clientKey(), kb.serverKey(), kb.clientIv(), kb.serverIv()), s.name());
            assertEquals(s.keyLength(), kb.clientKey().length);
        }
    }

    /**
     * Recorded with OpenSSL 3.0.19 (so the build keeps a check without the binary):
     * {@code openssl kdf -keylen 48 -kdfopt digest:SHA256 -kdfopt hexsecret:000102..2f (48 bytes 0x00..0x2f)
     * -kdfopt hexseed:<hex of "master secret"><32 bytes 0x40..0x5f><32 bytes 0x60..0x7f> TLS1-PRF}, and the same
     * with digest:SHA384.
     */
    @Test
    void recordedValues() {
        byte[] pre = new byte[48];
        byte[] cr = new byte[32];
        byte[] sr = new byte[32];
        for (int i = 0; i < 48; i++) {
            pre[i] = (byte) i;
        }
        for (int i = 0; i < 32; i++) {
            cr[i] = (byte) (0x40 + i);
            sr[i] = (byte) (0x60 + i);
        }
        assertEquals(RECORDED_SHA256, Hex.toHexString(Prf.masterSecret(HashAlgorithm.SHA256, pre, cr, sr)));
        assertEquals(RECORDED_SHA384, Hex.toHexString(Prf.masterSecret(HashAlgorithm.SHA384, pre, cr, sr)));
    }

    private static final String RECORDED_SHA256 = "33f19713029a32518129acfbd2623ad9b9e3bfe795f60dbc0228a7bc4142a45370fa02ebdfecbc1f5ac0d266becfb59a";
    private static final String RECORDED_SHA384 = "f1833cbe385cd1d77da7e185a0279d6471c067901abaa5feb17860e7afa8a334250190a51fc6cf664b42afbd9cb61f83";
}
