package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import tlsconf.impl.crypto.HashAlgorithm;

/** The running TLS 1.2 transcript hash equals a one-shot hash of the same bytes (the JDK's digest as oracle). */
class Tls12TranscriptTest {

    @Test
    void hashAtAnyPointEqualsAOneShotHashOfEverythingSoFar() throws Exception {
        Tls12Transcript t = new Tls12Transcript();
        byte[] first = new byte[300];
        byte[] second = new byte[1500];
        for (int i = 0; i < second.length; i++) {
            second[i] = (byte) (i * 7);
            if (i < first.length) {
                first[i] = (byte) i;
            }
        }
        t.write(first, 0, first.length);
        assertArrayEquals(sha("SHA-256", first), t.hash(HashAlgorithm.SHA256));
        t.write(second, 10, 1000);
        byte[] all = new byte[1300];
        System.arraycopy(first, 0, all, 0, 300);
        System.arraycopy(second, 10, all, 300, 1000);
        assertArrayEquals(sha("SHA-256", all), t.hash(HashAlgorithm.SHA256));
        assertArrayEquals(sha("SHA-256", all), t.hash(HashAlgorithm.SHA256), "asking twice changes nothing");
        assertArrayEquals(sha("SHA-384", all), t.hash(HashAlgorithm.SHA384), "another hash starts over");
        assertArrayEquals(all, t.toByteArray());
    }

    private static byte[] sha(String alg, byte[] data) throws Exception {
        return MessageDigest.getInstance(alg).digest(data);
    }
}
