package tlsconf.impl.tls12;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.alert.Violation;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;
import tlsconf.impl.message.Extensions;
import tlsconf.impl.message.ext.CodeLists;
import tlsconf.model.vocabulary.AlertDescription;

/** The hello extensions TLS 1.2 adds or uses differently: renegotiation_info, extended_master_secret, points. */
final class HelloExtensions {
    /** renegotiation_info of an initial handshake: an empty renegotiated_connection (RFC 5746 §3.2). */
    static final byte[] INITIAL_RENEGOTIATION_INFO = {0};
    /** ec_point_formats with only uncompressed (RFC 8422 §5.1.2). */
    static final byte[] UNCOMPRESSED_POINTS = CodeLists.encodeU8List(List.of(0));

    private HelloExtensions() {
    }

    static Extension renegotiationInfo() {
        return new Extension(ExtensionType.RENEGOTIATION_INFO, INITIAL_RENEGOTIATION_INFO);
    }

    static Extension extendedMasterSecret() {
        return new Extension(ExtensionType.EXTENDED_MASTER_SECRET, new byte[0]);
    }

    static Extension pointFormats() {
        return new Extension(ExtensionType.EC_POINT_FORMATS, UNCOMPRESSED_POINTS);
    }

    /**
     * RFC 5746 §3.4/§3.6: in an initial handshake renegotiation_info must carry an empty renegotiated_connection;
     * anything else is handshake_failure. Returns whether the extension was present.
     */
    static boolean checkInitialRenegotiationInfo(Extensions ext, String where) throws TlsAlertException {
        byte[] data = ext.data(ExtensionType.RENEGOTIATION_INFO).orElse(null);
        if (data == null) {
            return false;
        }
        if (data.length != 1 || data[0] != 0) {
            throw Violation.BAD_EXTENSION.alert(AlertDescription.HANDSHAKE_FAILURE,
                    where + ": renegotiation_info of an initial handshake is not empty (RFC 5746 §3.4)");
        }
        return true;
    }

    /** RFC 7627 §5.1: the extension_data of extended_master_secret is empty. Returns whether it was present. */
    static boolean checkExtendedMasterSecret(Extensions ext, String where) throws TlsAlertException {
        byte[] data = ext.data(ExtensionType.EXTENDED_MASTER_SECRET).orElse(null);
        if (data == null) {
            return false;
        }
        if (data.length != 0) {
            throw Violation.BAD_EXTENSION.alert(AlertDescription.DECODE_ERROR,
                    where + ": extended_master_secret carries " + data.length + " byte(s)");
        }
        return true;
    }

    /** RFC 8422 §5.1.2: if sent, ec_point_formats must include uncompressed (0). */
    static void checkPointFormats(Extensions ext, String where) throws TlsAlertException {
        byte[] data = ext.data(ExtensionType.EC_POINT_FORMATS).orElse(null);
        if (data != null && !CodeLists.decodeU8List(data, where + " ec_point_formats").contains(0)) {
            throw Violation.BAD_EXTENSION.alert(where + ": ec_point_formats without uncompressed");
        }
    }

    /** The extensions a server may answer with when the client offered them (RFC 5246 §7.4.1.4). */
    static Set<ExtensionType> serverAllowed(boolean offeredTicket, boolean sentServerName) {
        Set<ExtensionType> s = EnumSet.of(ExtensionType.RENEGOTIATION_INFO, ExtensionType.EXTENDED_MASTER_SECRET,
                ExtensionType.EC_POINT_FORMATS);
        if (offeredTicket) {
            s.add(ExtensionType.SESSION_TICKET);
        }
        if (sentServerName) {
            s.add(ExtensionType.SERVER_NAME);
        }
        return s;
    }
}
