package tlsconf.impl.handshake;

import java.util.Set;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.Extensions;

/** Which extensions may appear in which message (RFC 8446 §4.2, the table of §4.2's "TLS 1.3" column). */
final class ExtensionRules {
    static final Set<ExtensionType> SERVER_HELLO = Set.of(ExtensionType.KEY_SHARE, ExtensionType.PRE_SHARED_KEY,
            ExtensionType.SUPPORTED_VERSIONS);
    static final Set<ExtensionType> HELLO_RETRY_REQUEST = Set.of(ExtensionType.KEY_SHARE, ExtensionType.COOKIE,
            ExtensionType.SUPPORTED_VERSIONS);
    static final Set<ExtensionType> ENCRYPTED_EXTENSIONS = Set.of(ExtensionType.SERVER_NAME,
            ExtensionType.MAX_FRAGMENT_LENGTH, ExtensionType.SUPPORTED_GROUPS, ExtensionType.USE_SRTP,
            ExtensionType.HEARTBEAT, ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION,
            ExtensionType.CLIENT_CERTIFICATE_TYPE, ExtensionType.SERVER_CERTIFICATE_TYPE, ExtensionType.EARLY_DATA,
            ExtensionType.RECORD_SIZE_LIMIT);
    static final Set<ExtensionType> CERTIFICATE_REQUEST = Set.of(ExtensionType.STATUS_REQUEST,
            ExtensionType.SIGNATURE_ALGORITHMS, ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP,
            ExtensionType.CERTIFICATE_AUTHORITIES, ExtensionType.OID_FILTERS,
            ExtensionType.SIGNATURE_ALGORITHMS_CERT, ExtensionType.UNKNOWN);

    private ExtensionRules() {
    }

    /**
     * Checks a server's extensions against what the client offered: a response to an extension the client did not
     * send is {@code unsupported_extension}; a known extension in a message it does not belong to is
     * {@code illegal_parameter} (RFC 8446 §4.2).
     */
    static void checkResponse(Extensions received, Extensions offered, Set<ExtensionType> allowed, String where)
            throws TlsAlertException {
        for (Extension e : received.list()) {
            boolean wasOffered = offered.list().stream().anyMatch(o -> o.code() == e.code());
            if (!wasOffered && e.type() != ExtensionType.COOKIE) {
                throw Violation.UNSOLICITED_EXTENSION.alert(where + " carries " + e + " which was not offered");
            }
            if (!allowed.contains(e.type())) {
                throw Violation.BAD_EXTENSION.alert(e + " is not allowed in " + where);
            }
        }
    }
}
