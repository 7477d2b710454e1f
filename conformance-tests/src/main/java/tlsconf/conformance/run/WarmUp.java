package tlsconf.conformance.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import tlsconf.conformance.scenario.Fault;
import tlsconf.conformance.scenario.Scenario;

/**
 * A short, bounded warm-up of the JVM before the clock of playing starts, for in-process targets only: a few hundred
 * of the run's own scenarios are played and their outcomes thrown away, so that the JIT compiles the handshake path
 * (Bouncy Castle's field arithmetic, the record layer, the key schedule) during setup and not while the counted
 * scenarios play. The issue that sets the in-process speed goal allows a warm JVM ("reuse what can be reused:
 * certificates, keys, a warm JVM"); this is how a run gets one.
 *
 * <p>What it is not: nothing it plays is counted or judged, nothing it computes is kept for the counted plays (each
 * scenario still starts from a fresh target engine and a fresh peer engine), and its time is part of setup, shown
 * apart from playing in every report. It runs beside the peer's preparation (certificate chains, keys), which
 * mostly waits on one lock and leaves a core free, and stops at {@link #BOUND} of wall-clock time at the latest.
 * Scenarios that present a defective certificate are left out, so the warm-up never builds chains itself.
 * {@code -Dtlsconf.warmup.millis=N} sets the bound (0: no warm-up), for comparisons.
 */
final class WarmUp implements AutoCloseable {
    /** The longest a warm-up runs (wall clock), whatever the machine. */
    static final Duration BOUND = Duration.ofMillis(Long.getLong("tlsconf.warmup.millis", 700));

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger played = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final long deadline;

    private WarmUp(long deadline) {
        this.deadline = deadline;
    }

    /**
     * Starts playing {@code scenarios} (harness and scenario, by {@code play}) round and round on one thread per
     * core, until {@link #close()} or {@link #BOUND}, whichever comes first. An empty list or a zero bound starts
     * nothing.
     */
    static <H> WarmUp start(List<H> harnesses, List<Scenario> scenarios, BiConsumer<H, Scenario> play) {
        WarmUp w = new WarmUp(System.nanoTime() + BOUND.toNanos());
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).faults().stream().noneMatch(f -> f instanceof Fault.PresentCertificate)) {
                usable.add(i);
            }
        }
        if (usable.isEmpty() || BOUND.isZero()) {
            return w;
        }
        AtomicInteger next = new AtomicInteger();
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int t = 0; t < cores; t++) {
            Thread th = new Thread(() -> {
                // Bounded twice: by the deadline and by a count no warm-up reaches on any machine.
                for (int n = 0; n < 1_000_000 && !w.stop.get() && System.nanoTime() < w.deadline; n++) {
                    int i = usable.get(Math.floorMod(next.getAndIncrement(), usable.size()));
                    try {
                        play.accept(harnesses.get(i), scenarios.get(i));
                        w.played.incrementAndGet();
                    } catch (RuntimeException e) {
                        // Not our business here: the counted play of the same scenario reports it.
                        return;
                    }
                }
            }, "tlsconf-warm-up-" + t);
            th.setDaemon(true);
            w.threads.add(th);
            th.start();
        }
        return w;
    }

    /** Scenarios played so far (thrown away). */
    int played() {
        return played.get();
    }

    /** Stops the warm-up once its time is up (it never runs past {@link #BOUND}) and waits for its threads. */
    @Override
    public void close() {
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
                return;
            }
        }
        stop.set(true);
    }
}
