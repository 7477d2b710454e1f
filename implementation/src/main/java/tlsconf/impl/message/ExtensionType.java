package tlsconf.impl.message;

/**
 * Extension types tlsconf knows (RFC 8446 §4.2 and the RFCs it cites). A number not listed here is {@link #UNKNOWN};
 * the {@link Extension} record keeps the number itself.
 */
public enum ExtensionType {
    SERVER_NAME(0),
    MAX_FRAGMENT_LENGTH(1),
    STATUS_REQUEST(5),
    SUPPORTED_GROUPS(10),
    EC_POINT_FORMATS(11),
    SIGNATURE_ALGORITHMS(13),
    USE_SRTP(14),
    HEARTBEAT(15),
    APPLICATION_LAYER_PROTOCOL_NEGOTIATION(16),
    SIGNED_CERTIFICATE_TIMESTAMP(18),
    CLIENT_CERTIFICATE_TYPE(19),
    SERVER_CERTIFICATE_TYPE(20),
    PADDING(21),
    ENCRYPT_THEN_MAC(22),
    EXTENDED_MASTER_SECRET(23),
    RECORD_SIZE_LIMIT(28),
    SESSION_TICKET(35),
    PRE_SHARED_KEY(41),
    EARLY_DATA(42),
    SUPPORTED_VERSIONS(43),
    COOKIE(44),
    PSK_KEY_EXCHANGE_MODES(45),
    CERTIFICATE_AUTHORITIES(47),
    OID_FILTERS(48),
    POST_HANDSHAKE_AUTH(49),
    SIGNATURE_ALGORITHMS_CERT(50),
    KEY_SHARE(51),
    RENEGOTIATION_INFO(0xff01),
    UNKNOWN(-1);

    private final int code;

    ExtensionType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ExtensionType of(int code) {
        for (ExtensionType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
