package tlsconf.model.vocabulary;

import java.util.Optional;

/** TLSPlaintext.type / TLSInnerPlaintext.type (RFC 8446 §5.1, RFC 5246 §6.2.1). */
public enum ContentType {
    CHANGE_CIPHER_SPEC(20),
    ALERT(21),
    HANDSHAKE(22),
    APPLICATION_DATA(23),
    HEARTBEAT(24);

    private final int code;

    ContentType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The content type with this wire code, or empty: an unknown type is {@code unexpected_message} (RFC 8446 §5). */
    public static Optional<ContentType> fromCode(int code) {
        for (ContentType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
