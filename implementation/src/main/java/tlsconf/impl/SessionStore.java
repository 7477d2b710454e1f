package tlsconf.impl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A client's tickets for resumption, keyed by server name ("" when none). Tickets are taken once (RFC 8446 §C.4
 * recommends single use).
 */
public interface SessionStore {
    void put(String serverKey, SessionTicket ticket);

    /** The most recent ticket for this server, removed from the store. */
    Optional<SessionTicket> take(String serverKey);

    static SessionStore inMemory() {
        return new SessionStore() {
            private final Map<String, Deque<SessionTicket>> tickets = new HashMap<>();

            @Override
            public synchronized void put(String serverKey, SessionTicket ticket) {
                tickets.computeIfAbsent(serverKey, k -> new ArrayDeque<>()).addFirst(ticket);
            }

            @Override
            public synchronized Optional<SessionTicket> take(String serverKey) {
                Deque<SessionTicket> d = tickets.get(serverKey);
                return d == null || d.isEmpty() ? Optional.empty() : Optional.of(d.removeFirst());
            }
        };
    }
}
