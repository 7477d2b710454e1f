package tlsconf.impl.tls12;

import java.util.Arrays;
import java.util.Optional;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.message.ClientHello;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.ServerHello;
import tlsconf.impl.message.ext.CodeLists;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Decides from the first bytes of a connection which protocol version a hello asks for, so one endpoint can serve
 * both TLS 1.2 and TLS 1.3 (RFC 8446 §4.2.1, §D): it reads the plaintext handshake records at the front of the wire
 * until the first handshake message is complete. Anything malformed or unexpected is left to the TLS 1.3 path (the
 * default), which raises the proper alert. Never throws.
 */
public final class VersionSniffer {
    /** A decision, or that more bytes are needed. */
    public enum Verdict {
        TLS_1_2,
        TLS_1_3,
        NEED_MORE
    }

    /** Bounds the bytes we buffer before deciding (a hello larger than this goes to the TLS 1.3 path). */
    public static final int MAX_SNIFF = 1 << 17;

    private VersionSniffer() {
    }

    /**
     * Server: TLS 1.2 when the ClientHello does not offer TLS 1.3 in supported_versions (RFC 8446 §4.2.1: without
     * the extension a client is negotiating TLS 1.2 or below).
     */
    public static Verdict clientHello(byte[] wire, int len) {
        byte[] body = firstHandshakeBody(wire, len, 1);
        if (body == null) {
            return len > MAX_SNIFF ? Verdict.TLS_1_3 : Verdict.NEED_MORE;
        }
        if (body.length == 0) {
            return Verdict.TLS_1_3;
        }
        try {
            ClientHello ch = ClientHello.decode(body);
            Optional<byte[]> sv = ch.extensions().data(ExtensionType.SUPPORTED_VERSIONS);
            if (sv.isPresent()) {
                return CodeLists.decodeVersions(sv.get()).contains(TlsVersion.TLS_1_3.code()) ? Verdict.TLS_1_3
                        : Verdict.TLS_1_2;
            }
            return Verdict.TLS_1_2;
        } catch (TlsAlertException | RuntimeException e) {
            return Verdict.TLS_1_3;
        }
    }

    /**
     * Client that offered both: TLS 1.2 when the ServerHello (not a HelloRetryRequest) has no supported_versions and
     * legacy_version 0x0303 (RFC 8446 §4.1.3).
     */
    public static Verdict serverHello(byte[] wire, int len) {
        byte[] body = firstHandshakeBody(wire, len, 2);
        if (body == null) {
            return len > MAX_SNIFF ? Verdict.TLS_1_3 : Verdict.NEED_MORE;
        }
        if (body.length == 0) {
            return Verdict.TLS_1_3;
        }
        try {
            ServerHello sh = ServerHello.decode(body);
            boolean tls12 = !sh.extensions().has(ExtensionType.SUPPORTED_VERSIONS) && !sh.isHelloRetryRequest()
                    && sh.legacyVersion() == TlsVersion.TLS_1_2.code();
            return tls12 ? Verdict.TLS_1_2 : Verdict.TLS_1_3;
        } catch (TlsAlertException | RuntimeException e) {
            return Verdict.TLS_1_3;
        }
    }

    /**
     * The body of the first handshake message if it is of {@code type} and complete; an empty array when the wire
     * starts with something else (decided: not ours); null when more bytes are needed.
     */
    private static byte[] firstHandshakeBody(byte[] wire, int len, int type) {
        byte[] content = new byte[0];
        int pos = 0;
        while (true) {
            if (content.length >= 4) {
                if ((content[0] & 0xff) != type) {
                    return new byte[0];
                }
                int bodyLen = ((content[1] & 0xff) << 16) | ((content[2] & 0xff) << 8) | (content[3] & 0xff);
                if (content.length >= 4 + bodyLen) {
                    return Arrays.copyOfRange(content, 4, 4 + bodyLen);
                }
            }
            if (len - pos < 5) {
                return null;
            }
            if (wire[pos] != 22) {
                return new byte[0];
            }
            int recLen = ((wire[pos + 3] & 0xff) << 8) | (wire[pos + 4] & 0xff);
            if (len - pos < 5 + recLen) {
                return null;
            }
            byte[] next = Arrays.copyOf(content, content.length + recLen);
            System.arraycopy(wire, pos + 5, next, content.length, recLen);
            content = next;
            pos += 5 + recLen;
        }
    }
}
