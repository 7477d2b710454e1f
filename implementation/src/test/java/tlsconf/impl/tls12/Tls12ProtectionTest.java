package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;

/**
 * Record protection shape (RFC 5288 §3, RFC 7905 §2); the bytes themselves are proven by the interop tests, where
 * OpenSSL, GnuTLS and the JDK open what we seal and we open what they seal.
 */
class Tls12ProtectionTest {
    private static Tls12Protection[] pair(Tls12CipherSuite s) {
        KeyBlock kb = KeyBlock.derive(s, new byte[48], new byte[32], new byte[32]);
        return new Tls12Protection[] {kb.clientWrite(s), kb.clientWrite(s)};
    }

    @ParameterizedTest
    @EnumSource(Tls12CipherSuite.class)
    void explicitNonceIsTheSequenceNumberAndRecordsOpen(Tls12CipherSuite s) throws Exception {
        Tls12Protection[] p = pair(s);
        byte[] msg = "content".getBytes();
        for (long seq = 0; seq < 3; seq++) {
            byte[] fragment = p[0].protect(23, msg, 0, msg.length);
            assertEquals(s.explicitNonceLength() + msg.length + 16, fragment.length);
            if (!s.isChaCha()) {
                byte[] expected = new byte[8];
                expected[7] = (byte) seq;
                assertArrayEquals(expected, Arrays.copyOf(fragment, 8));
            }
            assertArrayEquals(msg, p[1].unprotect(23, fragment));
        }
    }

    @ParameterizedTest
    @EnumSource(Tls12CipherSuite.class)
    void typeSequenceAndBytesAreAuthenticated(Tls12CipherSuite s) throws Exception {
        Tls12Protection[] p = pair(s);
        byte[] msg = {1, 2, 3, 4};
        byte[] f0 = p[0].protect(23, msg, 0, msg.length);
        byte[] f1 = p[0].protect(23, msg, 0, msg.length);
        // Wrong content type in the additional data.
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> pair(s)[1].unprotect(22, f0));
        assertEquals(Violation.BAD_RECORD_MAC, e.violation());
        // Out of order: record 1 under sequence 0.
        assertThrows(TlsAlertException.class, () -> pair(s)[1].unprotect(23, f1));
        // A flipped bit and a short fragment.
        byte[] bad = f0.clone();
        bad[bad.length - 1] ^= 1;
        assertThrows(TlsAlertException.class, () -> pair(s)[1].unprotect(23, bad));
        assertThrows(TlsAlertException.class, () -> pair(s)[1].unprotect(23, Arrays.copyOf(f0, 10)));
    }
}
