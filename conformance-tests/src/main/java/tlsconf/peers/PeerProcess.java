package tlsconf.peers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One started peer binary. Started with {@link ProcessBuilder} (no shell), stdout and stderr merged into a
 * bounded {@link OutputTail} (and a log file when the spec names a directory), stdin kept open for
 * {@link #sendLine}. {@link #start} returns only once the peer is ready, or throws a one-line
 * {@link PeerException}: not installed, exited early (with its last lines), or not ready in time.
 *
 * <p>{@link #close()} ends the whole process tree: SIGTERM, a bounded grace, then SIGKILL. A JVM shutdown hook
 * kills whatever is still running if a test run is interrupted.
 */
public final class PeerProcess implements RunningPeer {

    /** How long a peer gets to exit after SIGTERM before it is killed. */
    public static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int ERROR_LINES = 6;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Set<PeerProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(PeerProcess::killNow),
                "tlsconf-peer-reaper"));
    }

    private final ProcessSpec spec;
    private final Process process;
    private final OutputTail output;
    private final OutputStream stdin;
    private final Thread reader;
    private volatile boolean readerDone;

    private PeerProcess(ProcessSpec spec, Process process, OutputTail output) {
        this.spec = spec;
        this.process = process;
        this.output = output;
        this.stdin = process.getOutputStream();
        this.reader = new Thread(this::pump, "peer-output-" + spec.program() + "-" + process.pid());
        this.reader.setDaemon(true);
    }

    /**
     * Starts the peer and waits (bounded by the spec) until it is ready.
     *
     * @throws PeerException NOT_INSTALLED, EXITED_EARLY, START_FAILED, TIMED_OUT or IO, with a one-line message
     */
    public static PeerProcess start(ProcessSpec spec) {
        Binaries.require(spec.program(), spec.debianPackage());
        OutputTail output = spec.logDir() == null
                ? OutputTail.inMemory(OutputTail.DEFAULT_MAX_LINES)
                : OutputTail.logged(OutputTail.DEFAULT_MAX_LINES, logFile(spec));
        ProcessBuilder builder = new ProcessBuilder(spec.command()).redirectErrorStream(true);
        if (!spec.input()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        builder.environment().putAll(spec.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            output.closeLog();
            throw new PeerException(PeerException.Kind.IO, spec.name() + ": cannot start '" + spec.commandLine()
                    + "': " + e.getMessage(), e);
        }
        PeerProcess peer = new PeerProcess(spec, process, output);
        LIVE.add(peer);
        peer.reader.start();
        try {
            peer.awaitReady();
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    private static Path logFile(ProcessSpec spec) {
        String base = spec.name().replaceAll("[^A-Za-z0-9._-]+", "-");
        return spec.logDir().resolve(base + "-" + SEQUENCE.incrementAndGet() + ".log");
    }

    private void pump() {
        try (InputStream in = process.getInputStream();
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buf = new char[4096];
            int n;
            while ((n = r.read(buf)) >= 0) {
                output.append(new String(buf, 0, n));
            }
        } catch (IOException e) {
            // The stream closes when the process is killed; what was read is kept.
        } finally {
            readerDone = true;
        }
    }

    private void awaitReady() {
        Readiness readiness = spec.readiness();
        try {
            Awaitility.await(spec.name() + " ready").atMost(spec.readyTimeout()).pollDelay(Duration.ZERO)
                    .pollInterval(POLL).until(() -> ended() || failedStart().isPresent() || readiness.isReady(output));
        } catch (ConditionTimeoutException e) {
            throw new PeerException(PeerException.Kind.TIMED_OUT, spec.name() + " not ready within "
                    + seconds(spec.readyTimeout()) + " (waiting for " + readiness.describe() + "); last output: "
                    + output.lastLinesInline(ERROR_LINES) + logHint());
        }
        Optional<String> failed = failedStart();
        if (failed.isPresent()) {
            throw new PeerException(PeerException.Kind.START_FAILED, spec.name() + " failed to start: "
                    + failed.get().strip() + logHint());
        }
        if (!readiness.isReady(output)) {
            throw exitedEarly("before it was ready (waiting for " + readiness.describe() + ")");
        }
    }

    private Optional<String> failedStart() {
        return spec.failure() == null ? Optional.empty() : output.firstMatch(spec.failure());
    }

    /** The process has exited and all it printed has been read. */
    private boolean ended() {
        return !process.isAlive() && readerDone;
    }

    private PeerException exitedEarly(String when) {
        return new PeerException(PeerException.Kind.EXITED_EARLY, spec.name() + " exited with status "
                + process.exitValue() + " " + when + ": " + output.lastLinesInline(ERROR_LINES) + logHint());
    }

    private String logHint() {
        return output.logFile().map(f -> " (log: " + f + ")").orElse("");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public String name() {
        return spec.name();
    }

    public ProcessSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public OutputTail output() {
        return output;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void sendLine(String line) {
        send(line + "\n");
    }

    @Override
    public void send(String text) {
        if (!spec.input()) {
            throw new IllegalStateException(spec.name() + " reads no input: give its request in PeerConfig.request");
        }
        try {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new PeerException(PeerException.Kind.EXITED_EARLY, spec.name() + " does not take input any more ("
                    + e.getMessage() + "): " + output.lastLinesInline(ERROR_LINES) + logHint(), e);
        }
    }

    @Override
    public void closeInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed by the process ending
        }
    }

    @Override
    public String awaitOutput(Pattern pattern, Duration timeout) {
        try {
            Awaitility.await(spec.name() + " prints /" + pattern.pattern() + "/").atMost(timeout)
                    .pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> output.firstMatch(pattern).isPresent() || ended());
        } catch (ConditionTimeoutException e) {
            throw new PeerException(PeerException.Kind.TIMED_OUT, spec.name() + " did not print /"
                    + pattern.pattern() + "/ within " + seconds(timeout) + "; last output: "
                    + output.lastLinesInline(ERROR_LINES) + logHint());
        }
        return output.firstMatch(pattern).orElseThrow(
                () -> exitedEarly("without printing /" + pattern.pattern() + "/"));
    }

    @Override
    public int awaitExit(Duration timeout) {
        try {
            Awaitility.await(spec.name() + " exits").atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(this::ended);
        } catch (ConditionTimeoutException e) {
            throw new PeerException(PeerException.Kind.TIMED_OUT, spec.name() + " still running after "
                    + seconds(timeout) + "; last output: " + output.lastLinesInline(ERROR_LINES) + logHint());
        }
        LIVE.remove(this);
        return process.exitValue();
    }

    @Override
    public void close() {
        closeInput();
        // Collect the tree first: once the parent is gone its children are re-parented and no longer found.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : tree) {
            if (!awaitGone(h)) {
                h.destroyForcibly();
                awaitGone(h);
            }
        }
        try {
            reader.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        output.closeLog();
        LIVE.remove(this);
    }

    /** Waits up to {@link #GRACE} for {@code h} to exit. */
    private static boolean awaitGone(ProcessHandle h) {
        try {
            h.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }

    private void killNow() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return spec.name() + " (pid " + process.pid() + ")";
    }
}
