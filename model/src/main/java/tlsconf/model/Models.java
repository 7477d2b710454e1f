package tlsconf.model;

import java.util.List;
import tlsconf.model.tls12.Tls12ClientModel;
import tlsconf.model.tls12.Tls12ServerModel;
import tlsconf.model.tls13.Tls13ClientModel;
import tlsconf.model.tls13.Tls13ServerModel;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/** The four handshake machines, built once. */
public final class Models {

    private static final Model TLS13_CLIENT = Tls13ClientModel.create();
    private static final Model TLS13_SERVER = Tls13ServerModel.create();
    private static final Model TLS12_CLIENT = Tls12ClientModel.create();
    private static final Model TLS12_SERVER = Tls12ServerModel.create();

    private Models() {
    }

    /** The model of {@code role} in {@code version}. */
    public static Model of(TlsVersion version, Role role) {
        return switch (version) {
            case TLS_1_3 -> role == Role.CLIENT ? TLS13_CLIENT : TLS13_SERVER;
            case TLS_1_2 -> role == Role.CLIENT ? TLS12_CLIENT : TLS12_SERVER;
        };
    }

    /** All four, TLS 1.3 first, client before server. */
    public static List<Model> all() {
        return List.of(TLS13_CLIENT, TLS13_SERVER, TLS12_CLIENT, TLS12_SERVER);
    }
}
