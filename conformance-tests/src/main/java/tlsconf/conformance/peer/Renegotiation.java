package tlsconf.conformance.peer;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import tlsconf.conformance.verdict.Observation;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.message.HandshakeFrame;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.ServerHello;
import tlsconf.model.vocabulary.HandshakeType;
import tlsconf.model.vocabulary.Role;

/**
 * RFC 5746 for the TLS 1.2 test peer: the ClientHello of a secure renegotiation, and the checks of the
 * renegotiation_info a target sends when it renegotiates. The reference engine refuses renegotiation itself, so the
 * peer builds and checks these messages here, from the verify_data of the handshake it just completed.
 */
final class Renegotiation {
    /** TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746 §3.3). */
    static final int SCSV = 0x00ff;

    private Renegotiation() {
    }

    /**
     * The peer's initial ClientHello made into the ClientHello of a secure renegotiation (RFC 5746 §3.5):
     * renegotiation_info carries {@code clientVerifyData}, the SCSV is left out, the session id is empty (a full
     * handshake) and the random is new.
     */
    static byte[] secureClientHello(byte[] initialEncoded, byte[] clientVerifyData) throws TlsAlertException {
        ClientHello ch = ClientHello.decode(Records.body(initialEncoded));
        List<Integer> suites = ch.cipherSuites().stream().filter(s -> s != SCSV).toList();
        byte[] random = ch.random().clone();
        for (int i = 0; i < random.length; i++) {
            random[i] ^= (byte) 0x5a;
        }
        return new ClientHello(ch.legacyVersion(), random, new byte[0], suites, ch.compressionMethods(),
                ch.extensions().without(ExtensionType.RENEGOTIATION_INFO)
                        .with(new Extension(ExtensionType.RENEGOTIATION_INFO, opaque8(clientVerifyData))))
                .encode();
    }

    /**
     * What is wrong with a client target's renegotiation ClientHello (RFC 5746 §3.5: renegotiation_info holding the
     * saved client_verify_data, no SCSV), or null when it is right.
     */
    static String clientHelloProblem(byte[] body, byte[] clientVerifyData) {
        try {
            ClientHello ch = ClientHello.decode(body);
            if (ch.cipherSuites().contains(SCSV)) {
                return "it offers TLS_EMPTY_RENEGOTIATION_INFO_SCSV, which RFC 5746 §3.5 forbids in a renegotiation";
            }
            byte[] ri = ch.extensions().data(ExtensionType.RENEGOTIATION_INFO).orElse(null);
            return riProblem(ri, clientVerifyData, "3.5");
        } catch (TlsAlertException e) {
            return "its ClientHello does not decode: " + e.getMessage();
        }
    }

    /**
     * What is wrong with a server target's renegotiation ServerHello (RFC 5746 §3.7: renegotiation_info holding
     * client_verify_data then server_verify_data), or null when it is right.
     */
    static String serverHelloProblem(byte[] body, byte[] clientVerifyData, byte[] serverVerifyData) {
        try {
            ServerHello sh = ServerHello.decode(body);
            byte[] expected = Arrays.copyOf(clientVerifyData, clientVerifyData.length + serverVerifyData.length);
            System.arraycopy(serverVerifyData, 0, expected, clientVerifyData.length, serverVerifyData.length);
            return riProblem(sh.extensions().data(ExtensionType.RENEGOTIATION_INFO).orElse(null), expected, "3.7");
        } catch (TlsAlertException e) {
            return "its ServerHello does not decode: " + e.getMessage();
        }
    }

    /**
     * The target (re)starting a handshake on the established connection, or null when {@code frame} is not a hello
     * that does: a client target's ClientHello, a server target's ServerHello (RFC 5746 §3.5, §3.7).
     */
    static Observation.Renegotiated observe(HandshakeFrame frame, Role peerRole, byte[] ownVerifyData,
                                            byte[] peerVerifyData) {
        String problem;
        String what;
        if (peerRole == Role.SERVER && frame.typeCode() == HandshakeType.CLIENT_HELLO.code()) {
            problem = clientHelloProblem(frame.body(), peerVerifyData);
            what = "a ClientHello after the handshake";
        } else if (peerRole == Role.CLIENT && frame.typeCode() == HandshakeType.SERVER_HELLO.code()) {
            problem = serverHelloProblem(frame.body(), ownVerifyData, peerVerifyData);
            what = "a ServerHello answering the renegotiation ClientHello";
        } else {
            return null;
        }
        return new Observation.Renegotiated(problem == null, what + (problem == null
                ? ", renegotiation_info carrying the saved verify_data (RFC 5746)" : ": " + problem));
    }

    private static String riProblem(byte[] ri, byte[] expected, String section) {
        if (ri == null) {
            return "it has no renegotiation_info (RFC 5746 §" + section + ")";
        }
        if (!Arrays.equals(ri, opaque8(expected))) {
            return "its renegotiation_info is " + HexFormat.of().formatHex(ri) + ", not the saved verify_data "
                    + HexFormat.of().formatHex(expected) + " (RFC 5746 §" + section + ")";
        }
        return null;
    }

    /** {@code opaque renegotiated_connection<0..255>} (RFC 5746 §3.2). */
    private static byte[] opaque8(byte[] value) {
        byte[] out = new byte[1 + value.length];
        out[0] = (byte) value.length;
        System.arraycopy(value, 0, out, 1, value.length);
        return out;
    }
}
