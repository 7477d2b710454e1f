package tlsconf.conformance.scenario;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * Locates the extensions vector in an encoded ClientHello, ServerHello or EncryptedExtensions body (RFC 8446
 * §4.1.2, §4.1.3, §4.3.1) so mutators can add or repeat an extension without a message model of their own.
 */
final class ExtensionBlock {
    private final byte[] body;
    /** Offset of the two-byte length of the extensions vector. */
    private final int lengthAt;

    private ExtensionBlock(byte[] body, int lengthAt) {
        this.body = body;
        this.lengthAt = lengthAt;
        if (lengthAt + 2 > body.length || lengthAt + 2 + u16(lengthAt) != body.length) {
            throw new IllegalArgumentException("extensions vector does not end the message body");
        }
    }

    static ExtensionBlock of(HandshakeType message, byte[] body) {
        return switch (message) {
            case ENCRYPTED_EXTENSIONS -> new ExtensionBlock(body, 0);
            case CLIENT_HELLO -> {
                int p = 2 + 32;
                p += 1 + (body[p] & 0xff);                                   // legacy_session_id
                p += 2 + (((body[p] & 0xff) << 8) | (body[p + 1] & 0xff));   // cipher_suites
                p += 1 + (body[p] & 0xff);                                   // legacy_compression_methods
                yield new ExtensionBlock(body, p);
            }
            case SERVER_HELLO, HELLO_RETRY_REQUEST -> {
                int p = 2 + 32;
                p += 1 + (body[p] & 0xff);                                   // legacy_session_id_echo
                yield new ExtensionBlock(body, p + 2 + 1);                   // cipher_suite, compression
            }
            default -> throw new IllegalArgumentException(message.rfcName() + " has no extension block to edit");
        };
    }

    private int u16(int at) {
        return ((body[at] & 0xff) << 8) | (body[at + 1] & 0xff);
    }

    /** The data of the first extension of {@code type}. */
    byte[] find(int type) {
        int p = lengthAt + 2;
        while (p + 4 <= body.length) {
            int t = u16(p);
            int len = u16(p + 2);
            if (t == type) {
                return Arrays.copyOfRange(body, p + 4, p + 4 + len);
            }
            p += 4 + len;
        }
        throw new IllegalArgumentException("no extension " + type + " to duplicate");
    }

    /** The body with one more extension at the end, and the vector length adjusted. */
    byte[] append(int type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, lengthAt);
        int newLength = u16(lengthAt) + 4 + data.length;
        out.write(newLength >>> 8);
        out.write(newLength);
        out.write(body, lengthAt + 2, body.length - lengthAt - 2);
        out.write(type >>> 8);
        out.write(type);
        out.write(data.length >>> 8);
        out.write(data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }
}
