package tlsconf.vectorrun;

import java.io.IOException;
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

    static Outcome run(VectorFile file) {
        Recording r = (Recording) file.body();
        String role = r.configuration().get("role");
        if (!"client".equals(role) && !"server".equals(role)) {
            return Outcome.failed(file.id(), file.location(), "configuration role must be client or server");
        }
        try {
            // A session store only when a later connection resumes: offering tickets changes the ClientHello.
            tlsconf.impl.SessionStore sessions = r.connections() > 1 ? tlsconf.impl.SessionStore.inMemory() : null;
            String negotiated = "";
            for (int n = 0; n < r.connections(); n++) {
                ReplayingTransport transport = new ReplayingTransport(r.flows(n));
                TlsEngine engine = RecordedClient.drive(RecordedClient.config(r.configuration(), n, sessions),
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
                negotiated = engine.negotiated() == null ? "" : ", " + engine.negotiated().cipherSuite()
                        + (engine.negotiated().resumed() ? ", resumed" : "");
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
