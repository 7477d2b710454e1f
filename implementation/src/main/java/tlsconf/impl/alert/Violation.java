package tlsconf.impl.alert;

import tlsconf.model.vocabulary.AlertDescription;

/**
 * The catalogue of protocol violations our side detects, each with the alert RFC 8446 names for it. Raising one
 * is always {@code throw violation.alert("detail")}: the alert and the reason travel together.
 */
public enum Violation {
    // codec (RFC 8446 §3, §4)
    TRUNCATED(AlertDescription.DECODE_ERROR, "message truncated"),
    TRAILING_BYTES(AlertDescription.DECODE_ERROR, "trailing bytes after message"),
    BAD_VECTOR_LENGTH(AlertDescription.DECODE_ERROR, "vector length out of range"),
    DUPLICATE_EXTENSION(AlertDescription.ILLEGAL_PARAMETER, "duplicate extension"),
    BAD_FINISHED_LENGTH(AlertDescription.DECODE_ERROR, "Finished has the wrong length"),
    // record layer (RFC 8446 §5)
    UNKNOWN_CONTENT_TYPE(AlertDescription.UNEXPECTED_MESSAGE, "unknown record content type"),
    UNEXPECTED_CONTENT_TYPE(AlertDescription.UNEXPECTED_MESSAGE, "unexpected record content type"),
    RECORD_OVERFLOW(AlertDescription.RECORD_OVERFLOW, "record too long"),
    BAD_RECORD_MAC(AlertDescription.BAD_RECORD_MAC, "record failed authentication"),
    EMPTY_HANDSHAKE_RECORD(AlertDescription.UNEXPECTED_MESSAGE, "zero-length handshake or alert record"),
    NO_INNER_CONTENT_TYPE(AlertDescription.UNEXPECTED_MESSAGE, "protected record without a content type"),
    KEY_CHANGE_MID_MESSAGE(AlertDescription.UNEXPECTED_MESSAGE, "handshake message spans a key change"),
    PLAINTEXT_AFTER_KEYS(AlertDescription.UNEXPECTED_MESSAGE, "plaintext record after keys were established"),
    BAD_CHANGE_CIPHER_SPEC(AlertDescription.UNEXPECTED_MESSAGE, "invalid change_cipher_spec"),
    BAD_ALERT(AlertDescription.DECODE_ERROR, "malformed alert record"),
    DATA_BEFORE_FINISHED(AlertDescription.UNEXPECTED_MESSAGE, "application data before the handshake completed"),
    SEQUENCE_EXHAUSTED(AlertDescription.INTERNAL_ERROR, "record sequence number exhausted"),
    // handshake (RFC 8446 §4)
    UNEXPECTED_MESSAGE(AlertDescription.UNEXPECTED_MESSAGE, "unexpected handshake message"),
    UNKNOWN_HANDSHAKE_TYPE(AlertDescription.UNEXPECTED_MESSAGE, "unknown handshake message type"),
    UNSUPPORTED_VERSION(AlertDescription.PROTOCOL_VERSION, "no common protocol version"),
    BAD_LEGACY_FIELD(AlertDescription.ILLEGAL_PARAMETER, "bad legacy field"),
    BAD_COMPRESSION(AlertDescription.ILLEGAL_PARAMETER, "compression method other than null"),
    NO_COMMON_CIPHER_SUITE(AlertDescription.HANDSHAKE_FAILURE, "no common cipher suite"),
    NO_COMMON_GROUP(AlertDescription.HANDSHAKE_FAILURE, "no common group"),
    NO_COMMON_SIGNATURE_SCHEME(AlertDescription.HANDSHAKE_FAILURE, "no common signature scheme"),
    MISSING_EXTENSION(AlertDescription.MISSING_EXTENSION, "required extension missing"),
    FORBIDDEN_EXTENSION(AlertDescription.UNSUPPORTED_EXTENSION, "extension not allowed here"),
    UNSOLICITED_EXTENSION(AlertDescription.UNSUPPORTED_EXTENSION, "extension that was not offered"),
    BAD_EXTENSION(AlertDescription.ILLEGAL_PARAMETER, "invalid extension value"),
    UNOFFERED_CIPHER_SUITE(AlertDescription.ILLEGAL_PARAMETER, "server chose a cipher suite that was not offered"),
    UNOFFERED_GROUP(AlertDescription.ILLEGAL_PARAMETER, "group that was not offered"),
    BAD_KEY_SHARE(AlertDescription.ILLEGAL_PARAMETER, "invalid key share"),
    SESSION_ID_MISMATCH(AlertDescription.ILLEGAL_PARAMETER, "legacy_session_id_echo does not match"),
    DOWNGRADE_DETECTED(AlertDescription.ILLEGAL_PARAMETER, "downgrade sentinel in ServerHello.random"),
    SECOND_HELLO_RETRY_REQUEST(AlertDescription.UNEXPECTED_MESSAGE, "second HelloRetryRequest"),
    USELESS_HELLO_RETRY_REQUEST(AlertDescription.ILLEGAL_PARAMETER, "HelloRetryRequest would not change the ClientHello"),
    HRR_MISMATCH(AlertDescription.ILLEGAL_PARAMETER, "ServerHello contradicts the HelloRetryRequest"),
    BAD_SECOND_CLIENT_HELLO(AlertDescription.ILLEGAL_PARAMETER, "second ClientHello does not follow the HelloRetryRequest"),
    BAD_COOKIE(AlertDescription.ILLEGAL_PARAMETER, "cookie does not match"),
    PSK_NOT_LAST(AlertDescription.ILLEGAL_PARAMETER, "pre_shared_key is not the last extension"),
    BAD_PSK(AlertDescription.ILLEGAL_PARAMETER, "invalid pre_shared_key"),
    BINDER_MISMATCH(AlertDescription.DECRYPT_ERROR, "PSK binder mismatch"),
    FINISHED_MISMATCH(AlertDescription.DECRYPT_ERROR, "Finished verify_data mismatch"),
    BAD_CERTIFICATE_VERIFY(AlertDescription.DECRYPT_ERROR, "CertificateVerify signature invalid"),
    UNOFFERED_SIGNATURE_SCHEME(AlertDescription.ILLEGAL_PARAMETER, "signature scheme that was not offered"),
    EMPTY_SERVER_CERTIFICATE(AlertDescription.DECODE_ERROR, "server sent an empty Certificate"),
    CERTIFICATE_REJECTED(AlertDescription.BAD_CERTIFICATE, "certificate rejected"),
    CERTIFICATE_REQUIRED(AlertDescription.CERTIFICATE_REQUIRED, "client certificate required"),
    BAD_CERTIFICATE_CONTEXT(AlertDescription.ILLEGAL_PARAMETER, "certificate_request_context mismatch"),
    BAD_KEY_UPDATE(AlertDescription.ILLEGAL_PARAMETER, "KeyUpdate request_update neither 0 nor 1"),
    EARLY_DATA_REJECTED(AlertDescription.UNEXPECTED_MESSAGE, "early data not accepted"),
    // local failures
    HANDSHAKE_TIMEOUT(AlertDescription.USER_CANCELED, "handshake timed out"),
    NOT_CONNECTED(AlertDescription.INTERNAL_ERROR, "connection not open"),
    INTERNAL(AlertDescription.INTERNAL_ERROR, "internal error"),
    // a received alert: the description is the peer's
    PEER_ALERT(AlertDescription.INTERNAL_ERROR, "alert from the peer");

    private final AlertDescription alert;
    private final String summary;

    Violation(AlertDescription alert, String summary) {
        this.alert = alert;
        this.summary = summary;
    }

    /** The alert RFC 8446 names for this violation. */
    public AlertDescription description() {
        return alert;
    }

    public String summary() {
        return summary;
    }

    /** The exception to throw for this violation, with a detail saying what and where. */
    public TlsAlertException alert(String detail) {
        return TlsAlertException.sent(alert, this, detail);
    }

    /** Same, with the summary as the detail. */
    public TlsAlertException alert() {
        return TlsAlertException.sent(alert, this, summary);
    }

    /** For violations whose alert varies (certificate rejection): the given description. */
    public TlsAlertException alert(AlertDescription description, String detail) {
        return TlsAlertException.sent(description, this, detail);
    }
}
