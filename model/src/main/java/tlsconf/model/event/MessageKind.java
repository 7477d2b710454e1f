package tlsconf.model.event;

import java.util.Optional;
import tlsconf.model.vocabulary.AlertDescription;
import tlsconf.model.vocabulary.ContentType;
import tlsconf.model.vocabulary.HandshakeType;

/**
 * What an event carries: every TLS 1.3 and TLS 1.2 handshake message (HelloRetryRequest distinct from
 * ServerHello), ChangeCipherSpec with its payload value (0x01, or anything else), application data and the two
 * alerts that belong to a normal run (close_notify, RFC 8446 §6.1; the no_renegotiation warning, RFC 5246 §7.2.2).
 * Fatal alerts are no events of the model: they are what the oracle predicts ({@link tlsconf.model.oracle.Reaction}).
 */
public enum MessageKind {
    HELLO_REQUEST(HandshakeType.HELLO_REQUEST),
    CLIENT_HELLO(HandshakeType.CLIENT_HELLO),
    SERVER_HELLO(HandshakeType.SERVER_HELLO),
    HELLO_RETRY_REQUEST(HandshakeType.HELLO_RETRY_REQUEST),
    NEW_SESSION_TICKET(HandshakeType.NEW_SESSION_TICKET),
    END_OF_EARLY_DATA(HandshakeType.END_OF_EARLY_DATA),
    ENCRYPTED_EXTENSIONS(HandshakeType.ENCRYPTED_EXTENSIONS),
    CERTIFICATE(HandshakeType.CERTIFICATE),
    SERVER_KEY_EXCHANGE(HandshakeType.SERVER_KEY_EXCHANGE),
    CERTIFICATE_REQUEST(HandshakeType.CERTIFICATE_REQUEST),
    SERVER_HELLO_DONE(HandshakeType.SERVER_HELLO_DONE),
    CERTIFICATE_VERIFY(HandshakeType.CERTIFICATE_VERIFY),
    CLIENT_KEY_EXCHANGE(HandshakeType.CLIENT_KEY_EXCHANGE),
    FINISHED(HandshakeType.FINISHED),
    CERTIFICATE_STATUS(HandshakeType.CERTIFICATE_STATUS),
    KEY_UPDATE(HandshakeType.KEY_UPDATE),
    /** A ChangeCipherSpec record whose single byte is 0x01 (RFC 5246 §7.1, RFC 8446 §5). */
    CHANGE_CIPHER_SPEC(ContentType.CHANGE_CIPHER_SPEC, "ChangeCipherSpec"),
    /** A ChangeCipherSpec record with any other payload: never valid (RFC 8446 §5). */
    CHANGE_CIPHER_SPEC_INVALID(ContentType.CHANGE_CIPHER_SPEC, "ChangeCipherSpec(!=0x01)"),
    APPLICATION_DATA(ContentType.APPLICATION_DATA, "ApplicationData"),
    /** The close_notify alert (RFC 8446 §6.1, RFC 5246 §7.2.1). */
    CLOSE_NOTIFY(ContentType.ALERT, "close_notify"),
    /** The warning-level no_renegotiation alert that refuses a renegotiation (RFC 5246 §7.2.2). */
    NO_RENEGOTIATION(ContentType.ALERT, "no_renegotiation(warning)");

    private final ContentType contentType;
    private final HandshakeType handshakeType;
    private final String label;

    MessageKind(HandshakeType type) {
        this.contentType = ContentType.HANDSHAKE;
        this.handshakeType = type;
        this.label = type.rfcName();
    }

    MessageKind(ContentType contentType, String label) {
        this.contentType = contentType;
        this.handshakeType = null;
        this.label = label;
    }

    /** The record content type the message travels in (inner type for protected TLS 1.3 records). */
    public ContentType contentType() {
        return contentType;
    }

    /** The handshake type, empty for ChangeCipherSpec, application data and alerts. */
    public Optional<HandshakeType> handshakeType() {
        return Optional.ofNullable(handshakeType);
    }

    /** The alert description of an alert kind, empty otherwise. */
    public Optional<AlertDescription> alert() {
        return switch (this) {
            case CLOSE_NOTIFY -> Optional.of(AlertDescription.CLOSE_NOTIFY);
            case NO_RENEGOTIATION -> Optional.of(AlertDescription.NO_RENEGOTIATION);
            default -> Optional.empty();
        };
    }

    public boolean isChangeCipherSpec() {
        return contentType == ContentType.CHANGE_CIPHER_SPEC;
    }

    /** The RFC spelling: "ClientHello", "ChangeCipherSpec", "close_notify". */
    public String label() {
        return label;
    }

    /** The kind for a handshake type (HelloRetryRequest included). */
    public static MessageKind of(HandshakeType type) {
        for (MessageKind k : values()) {
            if (k.handshakeType == type) {
                return k;
            }
        }
        throw new IllegalArgumentException("no message kind for handshake type " + type);
    }
}
