package tlsconf.vectorrun;

import java.io.IOException;
import tlsconf.impl.Negotiated;
import tlsconf.impl.TlsEngine;
import tlsconf.vectors.VectorFile;
import tlsconf.vectors.kind.Recording;

/**
 * Replays a golden transcript with no peer running: the deterministic reference client, configured from the
 * file, talks to a {@link ReplayingTransport}; any differing byte, out-of-order read or write, or flow left
 * unplayed fails the vector.
 */
final class RecordingReplay {
    private RecordingReplay() {
    }

    /**
     * Why the replayed connection does not show what the recording claims, or null: every byte matching is not
     * enough when the handshake never completed, or agreed on another version or suite than the file's
     * configuration names, or a later connection of a resumption recording did a full handshake.
     */
    private static String unexpected(Recording r, int n, Negotiated agreed) {
        if (agreed == null) {
            return "the handshake did not complete";
        }
        String tls = r.configuration().getOrDefault("tls", "1.3");
        if (!agreed.version().label().equals(tls)) {
            return "negotiated TLS " + agreed.version().label() + ", the configuration says " + tls;
        }
        if (!agreed.cipherSuite().name().equals(r.configuration().get("suite"))) {
            return "negotiated " + agreed.cipherSuite() + ", the configuration says " + r.configuration().get("suite");
        }
        if (n > 0 && !agreed.resumed()) {
            return "a later connection of a resumption recording did a full handshake";
        }
        return null;
    }

    static Outcome run(VectorFile file) {
        Recording r = (Recording) file.body();
        String role = r.configuration().get("role");
        if (!"client".equals(role) && !"server".equals(role)) {
            return Outcome.failed(file.id(), file.location(), "configuration role must be client or server");
        }
        try {
            // A session store only when a later connection resumes: offering tickets changes the ClientHello.
            RecordedClient.Sessions sessions = r.connections() > 1 ? RecordedClient.Sessions.fresh() : null;
            String negotiated = "";
            // Our server keeps one configuration (and so one ticket key and one random stream) for all connections,
            // as when it was recorded; our client gets a fresh one per connection with a shared session store.
            tlsconf.impl.TlsConfig server = "server".equals(role) ? RecordedClient.config(r.configuration()) : null;
            for (int n = 0; n < r.connections(); n++) {
                ReplayingTransport transport = new ReplayingTransport(r.flows(n));
                TlsEngine engine = RecordedClient.drive(server != null ? server
                        : RecordedClient.config(r.configuration(), n, sessions),
                        new RecordedClient.Wire() {
                            @Override
                            public void write(byte[] bytes) {
                                transport.write(bytes);
                            }

                            @Override
                            public byte[] read() {
                                return transport.peerNext() ? transport.read() : new byte[0];
                            }
                        });
                transport.finish();
                String wrong = unexpected(r, n, engine.negotiated());
                if (wrong != null) {
                    return Outcome.failed(file.id(), file.location(), "connection " + n + ": " + wrong);
                }
                Negotiated agreed = engine.negotiated();
                negotiated = ", TLS " + agreed.version().label() + " " + agreed.cipherSuite()
                        + (agreed.helloRetryRequest() ? ", HelloRetryRequest" : "")
                        + (agreed.clientAuthenticated() ? ", client authenticated" : "")
                        + (agreed.resumed() ? ", resumed" : "");
            }
            return Outcome.passed(file.id(), file.location(), r.flows().size() + " flows"
                    + (r.connections() > 1 ? " on " + r.connections() + " connections" : "") + " against "
                    + r.peer().name() + " (" + r.peer().version() + ") replayed byte for byte" + negotiated);
        } catch (tlsconf.impl.alert.TlsAlertException e) {
            return Outcome.failed(file.id(), file.location(), "our client stopped on the recorded peer bytes: "
                    + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Outcome.failed(file.id(), file.location(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
