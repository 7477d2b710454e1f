package tlsconf.impl.tls12;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A client's TLS 1.2 sessions, keyed by server name ("" when none); the latest per server wins. */
public interface Tls12SessionStore {
    void put(String serverKey, Tls12Session session);

    Optional<Tls12Session> get(String serverKey);

    static Tls12SessionStore inMemory() {
        return new Tls12SessionStore() {
            private final Map<String, Tls12Session> sessions = new HashMap<>();

            @Override
            public synchronized void put(String serverKey, Tls12Session session) {
                sessions.put(serverKey, session);
            }

            @Override
            public synchronized Optional<Tls12Session> get(String serverKey) {
                return Optional.ofNullable(sessions.get(serverKey));
            }
        };
    }
}
