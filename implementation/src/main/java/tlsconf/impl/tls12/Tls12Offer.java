package tlsconf.impl.tls12;

import java.util.ArrayList;
import java.util.List;
import tlsconf.impl.message.Extension;
import tlsconf.impl.message.ExtensionType;

/**
 * What a client offering TLS 1.3 adds to its ClientHello so a TLS 1.2 server can answer (RFC 8446 §4.1.2, §D.1):
 * the TLS 1.2 cipher suites after the TLS 1.3 ones, and the TLS 1.2 extensions (ec_point_formats,
 * extended_master_secret, renegotiation_info) unless already present.
 */
public final class Tls12Offer {
    private Tls12Offer() {
    }

    public static List<Integer> cipherSuites(List<Integer> tls13Suites, Tls12Options options) {
        List<Integer> out = new ArrayList<>(tls13Suites);
        for (Tls12CipherSuite s : options.cipherSuites()) {
            if (!out.contains(s.code())) {
                out.add(s.code());
            }
        }
        return out;
    }

    public static List<Extension> extensions(List<Extension> tls13Extensions) {
        List<Extension> out = new ArrayList<>(tls13Extensions);
        addIfAbsent(out, HelloExtensions.pointFormats());
        addIfAbsent(out, HelloExtensions.extendedMasterSecret());
        addIfAbsent(out, HelloExtensions.renegotiationInfo());
        return out;
    }

    private static void addIfAbsent(List<Extension> list, Extension e) {
        for (Extension x : list) {
            if (x.code() == e.code()) {
                return;
            }
        }
        // pre_shared_key must stay last (RFC 8446 §4.2.11): insert before it if present.
        int at = list.size();
        if (at > 0 && list.get(at - 1).code() == ExtensionType.PRE_SHARED_KEY.code()) {
            at--;
        }
        list.add(at, e);
    }
}
