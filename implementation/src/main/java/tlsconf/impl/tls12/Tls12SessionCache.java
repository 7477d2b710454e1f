package tlsconf.impl.tls12;

import java.util.Map;
import java.util.Optional;
import org.bouncycastle.util.encoders.Hex;

/** A server's session-ID cache (RFC 5246 §7.4.1.2). Bounded: the oldest entries go first past {@link #MAX}. */
public final class Tls12SessionCache {
    public static final int MAX = 1024;

    private final Map<String, Tls12Session> sessions = new java.util.LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tls12Session> eldest) {
            return size() > MAX;
        }
    };

    public synchronized void put(Tls12Session s) {
        sessions.put(Hex.toHexString(s.sessionId()), s);
    }

    public synchronized Optional<Tls12Session> get(byte[] id) {
        return id.length == 0 ? Optional.empty() : Optional.ofNullable(sessions.get(Hex.toHexString(id)));
    }

    public synchronized int size() {
        return sessions.size();
    }

}
