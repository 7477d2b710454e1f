package tlsconf.interop;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tlsconf.impl.TlsSocket;
import tlsconf.peers.RunningPeer;
import tlsconf.peers.SigScheme;
import tlsconf.peers.jsse.JsseClient;

/**
 * Application data our side writes must go on the wire at once, not wait for our next read: a server that
 * answers and then waits for the client's next line (every line protocol) depends on it. (Found by the interop
 * tests: TlsSocket's output stream once called its own inherited no-op flush() instead of the socket's.)
 */
@Timeout(30)
class ReferenceSocketWriteTest {

    @TempDir
    Path dir;

    @Test
    void serverWriteReachesTheClientWithoutALaterRead() throws IOException {
        try (OurServer ours = new OurServer(Interop.ourServer(SigScheme.ECDSA_SECP256R1_SHA256).build());
             RunningPeer client = JsseClient.start(Interop.peerClient(SigScheme.ECDSA_SECP256R1_SHA256).build(),
                     ours.port())) {
            TlsSocket tls = ours.acceptAndHandshake();
            try {
                tls.getOutputStream().write("hello without a read\n".getBytes(StandardCharsets.UTF_8));
                tls.getOutputStream().flush();

                assertFalse(tls.engine().hasOutgoing(), "TlsSocket.getOutputStream().write() left the record queued "
                        + "in the engine (AppOutput's unqualified flush() binds to OutputStream.flush())");
                client.awaitOutput(Pattern.compile("RECEIVED: hello without a read"), Duration.ofSeconds(5));
            } finally {
                tls.close();
            }
        }
    }
}
