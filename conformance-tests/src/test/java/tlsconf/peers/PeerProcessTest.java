package tlsconf.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The process harness on its own: start, ready, talk, kill, and the one-line errors. */
@Timeout(30)
class PeerProcessTest {

    @TempDir
    Path dir;

    @Test
    void echoesInputAndDiesOnClose() {
        PeerProcess cat;
        try (PeerProcess p = PeerProcess.start(ProcessSpec.of("cat", "coreutils", List.of("cat")).withLogDir(dir))) {
            cat = p;
            p.sendLine("hello peer");
            assertEquals("hello peer", p.awaitOutput(Pattern.compile("^hello"), Duration.ofSeconds(5)));
            assertTrue(p.isAlive());
        }
        assertFalse(cat.isAlive(), "closed peer still running");
        assertTrue(ProcessHandle.of(cat.pid()).map(h -> !h.isAlive()).orElse(true));
        assertTrue(cat.output().logFile().isPresent());
        assertTrue(Files.exists(cat.output().logFile().get()));
    }

    @Test
    void withoutInputStdinIsDevNull() {
        try (PeerProcess p = PeerProcess.start(ProcessSpec.of("cat", "coreutils", List.of("cat")).withoutInput())) {
            assertEquals(0, p.awaitExit(Duration.ofSeconds(5)), "cat should end at once on /dev/null");
            assertThrows(IllegalStateException.class, () -> p.sendLine("nobody reads this"));
        }
    }

    @Test
    void missingBinaryIsOneClearLine() {
        PeerException e = assertThrows(PeerException.class, () -> PeerProcess.start(
                ProcessSpec.of("ghost", "ghost-tools", List.of("tlsconf-no-such-binary", "-v"))));
        assertEquals(PeerException.Kind.NOT_INSTALLED, e.kind());
        assertEquals("tlsconf-no-such-binary not installed (apt-get install -y ghost-tools)", e.getMessage());
    }

    @Test
    void earlyExitNamesStatusAndLastLines() {
        assumeTrue(Binaries.installed("openssl"), "openssl not installed");
        int port = FreePorts.allocate();
        ProcessSpec spec = ProcessSpec.of("openssl s_server", "openssl", List.of("openssl", "s_server", "-accept",
                "127.0.0.1:" + port, "-cert", dir.resolve("missing.pem").toString())).withReadiness(
                        Readiness.outputLine("^ACCEPT$"));
        PeerException e = assertThrows(PeerException.class, () -> PeerProcess.start(spec));
        assertEquals(PeerException.Kind.EXITED_EARLY, e.kind());
        assertTrue(e.getMessage().startsWith("openssl s_server exited with status 1 before it was ready"),
                e.getMessage());
        assertTrue(e.getMessage().contains("missing.pem"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "not one line: " + e.getMessage());
    }

    @Test
    void readinessTimeoutKillsTheProcess() {
        ProcessSpec spec = ProcessSpec.of("sleeper", "coreutils", List.of("sleep", "30"))
                .withReadiness(Readiness.outputLine("never printed")).withReadyTimeout(Duration.ofMillis(300));
        long before = ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
        PeerException e = assertThrows(PeerException.class, () -> PeerProcess.start(spec));
        assertEquals(PeerException.Kind.TIMED_OUT, e.kind());
        assertTrue(e.getMessage().startsWith("sleeper not ready within 300 ms"), e.getMessage());
        assertEquals(before, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(),
                "the timed-out process was left running");
    }

    @Test
    void failureOutputEndsTheWaitAtOnce() {
        // gnutls-serv prints this and lives on (IPv6 only) when its IPv4 port is taken.
        ProcessSpec spec = ProcessSpec.of("half-started", "dash", List.of("sh", "-c",
                "echo 'listening on IPv4 0.0.0.0 port 1...bind() failed: Address already in use'; exec sleep 30"))
                .withReadiness(Readiness.outputLine("never printed")).withFailure("bind\\(\\) failed");
        long before = ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
        PeerException e = assertThrows(PeerException.class, () -> PeerProcess.start(spec));
        assertEquals(PeerException.Kind.START_FAILED, e.kind());
        assertTrue(e.getMessage().startsWith("half-started failed to start: listening on IPv4"), e.getMessage());
        assertTrue(e.getMessage().contains("in use"), e.getMessage());
        assertEquals(before, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(),
                "the half-started process was left running");
    }

    @Test
    void closeKillsTheWholeTree() {
        // A parent that ignores SIGTERM's usual meaning for its children: both sleeps must die on close.
        PeerProcess p = PeerProcess.start(ProcessSpec.of("tree", "dash",
                List.of("sh", "-c", "sleep 30 & sleep 30 & echo started; wait"))
                .withReadiness(Readiness.outputLine("^started$")));
        List<ProcessHandle> children = ProcessHandle.of(p.pid()).orElseThrow().descendants().toList();
        assertEquals(2, children.size(), "expected two sleeping children");
        p.close();
        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), "child " + child.pid() + " survived close()");
        }
    }

    @Test
    void portReadiness() throws IOException {
        try (ServerSocket listening = FreePorts.listen()) {
            assertTrue(Readiness.portAccepting(listening.getLocalPort()).isReady(OutputTail.inMemory(1)));
        }
        int free = FreePorts.allocate();
        assertFalse(Readiness.portAccepting(free).isReady(OutputTail.inMemory(1)));
    }

    @Test
    void outputTailIsBounded() {
        OutputTail tail = OutputTail.inMemory(3);
        for (int i = 1; i <= 10; i++) {
            tail.append("line " + i + "\r\n");
        }
        tail.append("partial");
        assertEquals(List.of("line 8", "line 9", "line 10", "partial"), tail.lines());
        assertEquals(7, tail.droppedLines());
        assertEquals("line 10 | partial", tail.lastLinesInline(2));
    }
}
