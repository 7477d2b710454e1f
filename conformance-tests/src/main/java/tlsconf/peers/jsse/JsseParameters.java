package tlsconf.peers.jsse;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLParameters;

import tlsconf.model.vocabulary.TlsVersion;
import tlsconf.peers.Group;
import tlsconf.peers.PeerConfig;
import tlsconf.peers.SigScheme;
import tlsconf.peers.Suite;

/**
 * Applies a {@link PeerConfig} to SSLParameters. Per-connection groups ({@code SSLParameters.setNamedGroups},
 * JDK 20) and signature schemes ({@code setSignatureSchemes}, JDK 19) are used through reflection when the
 * running JDK has them; on JDK 17 the only way is the process-wide {@code jdk.tls.namedGroups} property, read
 * once per JVM, which would leak into every other test, so there the JSSE peer cannot be pinned and says so.
 */
final class JsseParameters {

    private static final Optional<Method> SET_NAMED_GROUPS = method("setNamedGroups");
    private static final Optional<Method> SET_SIGNATURE_SCHEMES = method("setSignatureSchemes");

    private JsseParameters() {
    }

    private static Optional<Method> method(String name) {
        try {
            return Optional.of(SSLParameters.class.getMethod(name, String[].class));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    static boolean canPinGroups() {
        return SET_NAMED_GROUPS.isPresent();
    }

    static boolean canPinSchemes() {
        return SET_SIGNATURE_SCHEMES.isPresent();
    }

    static String protocol(TlsVersion v) {
        return switch (v) {
            case TLS_1_2 -> "TLSv1.2";
            case TLS_1_3 -> "TLSv1.3";
        };
    }

    static void apply(SSLParameters params, PeerConfig config) {
        params.setProtocols(new String[] {protocol(config.version())});
        if (!config.suites().isEmpty()) {
            params.setCipherSuites(config.suites().stream().map(Suite::iana).toArray(String[]::new));
        }
        if (!config.groups().isEmpty()) {
            invoke(SET_NAMED_GROUPS, params, config.groups().stream().map(Group::jsse).toList(), "groups");
        }
        if (!config.schemes().isEmpty()) {
            invoke(SET_SIGNATURE_SCHEMES, params, config.schemes().stream().map(SigScheme::rfcName).toList(),
                    "signature schemes");
        }
    }

    private static void invoke(Optional<Method> m, SSLParameters params, List<String> values, String what) {
        Method method = m.orElseThrow(() -> new IllegalArgumentException("JSSE on Java "
                + Runtime.version().feature() + " cannot be limited to chosen " + what));
        try {
            method.invoke(params, (Object) values.toArray(new String[0]));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set JSSE " + what + ": " + e.getMessage(), e);
        }
    }
}
