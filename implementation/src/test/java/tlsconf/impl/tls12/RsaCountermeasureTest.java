package tlsconf.impl.tls12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.junit.jupiter.api.Test;
import tlsconf.impl.RandomSource;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.cert.KeyType;
import tlsconf.impl.crypto.Signatures;
import tlsconf.impl.tls12.message.ClientKeyExchange;
import tlsconf.impl.tls12.message.Tls12Message;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * RFC 5246 §7.4.7.1: our server must not reveal whether an EncryptedPreMasterSecret had bad PKCS#1 padding, a wrong
 * version, or was well formed but not the premaster the client keyed with. In every case it accepts the
 * ClientKeyExchange silently (no alert, same next state, no output), and the client's Finished record then fails with
 * byte-identical output: a plaintext fatal bad_record_mac. Only a client that really shares the premaster but sends a
 * wrong verify_data sees decrypt_error, at the Finished (RFC 5246 §7.4.9).
 */
class RsaCountermeasureTest {
    private static final Tls12CipherSuite RSA = Tls12CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;
    private static final RSAKeyParameters SERVER_KEY = (RSAKeyParameters) Signatures.publicKey(
            Pair.pki().serverChain(KeyType.RSA_2048).leaf().getPublicKey());
    private static final RandomSource RANDOM = RandomSource.deterministic(42);

    /** What the server wrote in answer to the client flight, after it took the ClientKeyExchange silently. */
    record Outcome(byte[] serverOutput, TlsAlertException failure) {
    }

    private static Outcome run(UnaryOperator<byte[]> replaceCke, boolean corruptFinished) throws Exception {
        Tls12Seam seam = new Tls12Seam() {
            @Override
            public List<byte[]> onOutgoingHandshake(Tls12Message m, byte[] encoded) {
                if (m.type() == HandshakeType.CLIENT_KEY_EXCHANGE) {
                    return List.of(replaceCke.apply(encoded));
                }
                if (m.type() == HandshakeType.FINISHED && corruptFinished) {
                    byte[] bad = encoded.clone();
                    bad[bad.length - 1] ^= 1;
                    return List.of(bad);
                }
                return List.of(encoded);
            }
        };
        Pair p = Pair.of(Pair.client(KeyType.RSA_2048).build(), Tls12Options.defaults().withCipherSuites(RSA), seam,
                Pair.server(KeyType.RSA_2048).build(), Tls12Options.defaults(), Tls12Seam.NONE);
        p.server.feed(p.client.takeOutgoing());
        p.client.feed(p.server.takeOutgoing());
        List<byte[]> records = split(p.client.takeOutgoing());
        assertEquals(3, records.size(), "ClientKeyExchange, ChangeCipherSpec, Finished");
        p.server.feed(records.get(0));
        // No reaction at all to the ClientKeyExchange, whatever it held.
        assertNull(p.server.failure());
        assertEquals(0, p.server.takeOutgoing().length);
        assertEquals("ExpectChangeCipherSpec", p.server.state());
        p.server.feed(records.get(1));
        assertThrows(TlsAlertException.class, () -> p.server.feed(records.get(2)));
        return new Outcome(p.server.takeOutgoing(), p.server.failure());
    }

    private static List<byte[]> split(byte[] wire) {
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < wire.length) {
            int len = ((wire[pos + 3] & 0xff) << 8) | (wire[pos + 4] & 0xff);
            out.add(Arrays.copyOfRange(wire, pos, pos + 5 + len));
            pos += 5 + len;
        }
        return out;
    }

    private static byte[] cke(byte[] encrypted) {
        return new ClientKeyExchange(true, encrypted).encode();
    }

    /** Raw RSA of a block that is not PKCS#1 v1.5 type 2 (second byte 0x17 instead of 0x02). */
    private static byte[] badPadding(byte[] ignored) {
        byte[] block = new byte[256];
        RANDOM.nextBytes(block);
        block[0] = 0;
        block[1] = 0x17;
        RSAEngine raw = new RSAEngine();
        raw.init(true, SERVER_KEY);
        return cke(raw.processBlock(block, 0, block.length));
    }

    /** Correct padding, 48 bytes, but client_version 0x0301 inside. */
    private static byte[] wrongVersion(byte[] ignored) {
        return cke(RsaKeyTransport.encrypt(SERVER_KEY, RsaKeyTransport.newPremaster(0x0301, RANDOM), RANDOM));
    }

    /** Correct padding and version, but not the premaster the client keyed with (an attacker's conforming probe). */
    private static byte[] wellFormedOther(byte[] ignored) {
        return cke(RsaKeyTransport.encrypt(SERVER_KEY, RsaKeyTransport.newPremaster(0x0303, RANDOM), RANDOM));
    }

    /** Correct padding around 47 bytes instead of 48. */
    private static byte[] wrongLength(byte[] ignored) {
        byte[] pm = RsaKeyTransport.newPremaster(0x0303, RANDOM);
        return cke(RsaKeyTransport.encrypt(SERVER_KEY, Arrays.copyOf(pm, 47), RANDOM));
    }

    private static final byte[] BAD_RECORD_MAC_ALERT = {21, 3, 3, 0, 2, 2, 20};
    private static final byte[] DECRYPT_ERROR_ALERT = {21, 3, 3, 0, 2, 2, 51};

    @Test
    void paddingVersionAndLengthFailuresAreIndistinguishableFromAWrongPremaster() throws Exception {
        Outcome padding = run(RsaCountermeasureTest::badPadding, false);
        Outcome version = run(RsaCountermeasureTest::wrongVersion, false);
        Outcome length = run(RsaCountermeasureTest::wrongLength, false);
        Outcome other = run(RsaCountermeasureTest::wellFormedOther, false);
        for (Outcome o : List.of(padding, version, length, other)) {
            assertArrayEquals(BAD_RECORD_MAC_ALERT, o.serverOutput());
            assertEquals(AlertDescription.BAD_RECORD_MAC, o.failure().description());
            assertEquals(Violation.BAD_RECORD_MAC, o.failure().violation());
        }
        // Even the reason text, which never leaves the process, does not tell them apart.
        assertEquals(padding.failure().reason(), version.failure().reason());
        assertEquals(padding.failure().reason(), other.failure().reason());
        assertEquals(padding.failure().reason(), length.failure().reason());
    }

    @Test
    void sharedPremasterWithWrongFinishedIsDecryptErrorAtFinished() throws Exception {
        Outcome wrongFinished = run(UnaryOperator.identity(), true);
        assertArrayEquals(DECRYPT_ERROR_ALERT, wrongFinished.serverOutput());
        assertEquals(Violation.FINISHED_MISMATCH, wrongFinished.failure().violation());
    }

    @Test
    void serverSideDecryptNeverThrowsAndKeepsGoodPremasters() {
        var key = Signatures.privateKey(Pair.pki().serverChain(KeyType.RSA_2048).leafKey());
        byte[] pm = RsaKeyTransport.newPremaster(0x0303, RANDOM);
        assertArrayEquals(pm, RsaKeyTransport.decrypt(key, RsaKeyTransport.encrypt(SERVER_KEY, pm, RANDOM), 0x0303,
                RANDOM));
        for (byte[] junk : List.of(new byte[0], new byte[1], new byte[255], new byte[257], new byte[256])) {
            byte[] out = RsaKeyTransport.decrypt(key, junk, 0x0303, RANDOM);
            assertEquals(48, out.length);
        }
        byte[] wrongVersion = RsaKeyTransport.newPremaster(0x0301, RANDOM);
        byte[] got = RsaKeyTransport.decrypt(key, RsaKeyTransport.encrypt(SERVER_KEY, wrongVersion, RANDOM), 0x0303,
                RANDOM);
        assertEquals(48, got.length);
        assertEquals(false, Arrays.equals(wrongVersion, got));
    }
}
