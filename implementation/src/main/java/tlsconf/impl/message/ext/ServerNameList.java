package tlsconf.impl.message.ext;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tlsconf.impl.alert.TlsAlertException;
import tlsconf.impl.codec.TlsReader;
import tlsconf.impl.codec.TlsWriter;

/** server_name (RFC 6066 §3): a list of names of which tlsconf uses the host_name (type 0). */
public final class ServerNameList {
    private ServerNameList() {
    }

    /**
     * Whether a client sends {@code serverName} at all: not when there is none, nor for a literal IP address (RFC 6066
     * §3). An IPv6 literal has a colon; an IPv4-looking one has only digits and dots. (An empty name is no
     * literal and goes out as configured.)
     */
    public static boolean sendable(String serverName) {
        if (serverName == null || serverName.indexOf(':') >= 0) {
            return false;
        }
        // a loop, not String.matches: that compiles its pattern anew on every handshake
        for (int i = 0; i < serverName.length(); i++) {
            char c = serverName.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return true;
            }
        }
        return serverName.isEmpty();
    }

    public static byte[] encode(String hostName) {
        byte[] name = hostName.getBytes(StandardCharsets.US_ASCII);
        return new TlsWriter().vector(2, w -> w.u8(0).vector(2, name)).toByteArray();
    }

    public static Optional<String> decodeHostName(byte[] data) throws TlsAlertException {
        TlsReader r = new TlsReader(data, "server_name");
        TlsReader list = r.sub(2, 1, 0xffff, "server_name_list");
        String host = null;
        while (list.hasRemaining()) {
            int type = list.u8("name_type");
            byte[] name = list.vector(2, 1, 0xffff, "host_name");
            if (type == 0 && host == null) {
                host = new String(name, StandardCharsets.US_ASCII);
            }
        }
        r.end();
        return Optional.ofNullable(host);
    }
}
