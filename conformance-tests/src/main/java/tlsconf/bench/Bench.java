package tlsconf.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * The handshake benchmark behind {@code tlsconf bench}: every peer side by side in one JVM, in memory, one full
 * handshake per operation with fresh client and server objects.
 *
 * <p>A plain harness rather than JMH, on purpose: the question is a ratio between peers that run in the same JVM
 * under the same (busy, shared) machine load, and the answer must come in about three minutes from the shipped jar.
 * JMH forks a JVM per benchmark (each paying its own warm-up) and wants an annotation processor and its own
 * uber-jar; with five peers and its default forks it does not fit the budget. What JMH would protect against is
 * handled here directly: each peer is warmed up first (JIT compiled) before any measured round; rounds interleave
 * the peers (round 1: A B C D E, round 2: A B C D E, ...) so a burst of load from elsewhere hits all of them alike;
 * each round is many thousand operations long, so timer resolution and per-call overhead do not matter; the median
 * of the rounds is reported with the spread; and results feed a counter and an outcome check, so no work can be
 * eliminated as dead code. Handshakes allocate a lot, so GC is part of what is measured, as in real use.
 */
public final class Bench {
    private final BenchOptions options;
    private final BenchFixture fixture = new BenchFixture();

    public Bench(BenchOptions options) {
        this.options = options;
    }

    /**
     * The result of one peer, per measured round: handshakes per wall-clock second and per CPU second of the
     * whole process (all threads, so GC and JIT count), and chain verifications per handshake.
     */
    public record PeerResult(String name, double[] perSecond, double[] perCpuSecond,
            double verificationsPerHandshake, HandshakePeer.Outcome outcome) {
        public double median() {
            return median(perSecond);
        }

        public double cpuMedian() {
            return median(perCpuSecond);
        }

        private static double median(double[] values) {
            double[] s = values.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }
    }

    /** The peers' names in table order. */
    public static final List<String> PEER_NAMES =
            List.of("tlsconf reference", "JSSE (SunJSSE)", "BC TLS API", "BCJSSE", "crypto floor");

    /** The peers in table order; the floor last. */
    static List<HandshakePeer> peers(BenchFixture fixture) throws Exception {
        List<HandshakePeer> peers = new ArrayList<>();
        peers.add(new ReferencePeer(fixture));
        peers.add(new SslEnginePeer("JSSE (SunJSSE)", null, fixture));
        peers.add(new BcTlsPeer(fixture));
        peers.add(new SslEnginePeer("BCJSSE", bcJsse(), fixture));
        peers.add(new CryptoFloor(fixture));
        return peers;
    }

    /** BCJSSE on Bouncy Castle's JCA provider (not registered globally: the JVM's other users keep SunJSSE). */
    static Provider bcJsse() {
        return new BouncyCastleJsseProvider(new BouncyCastleProvider());
    }

    /** Runs warm-up and the measured rounds; progress goes to {@code log}. */
    public List<PeerResult> run(PrintWriter log) throws Exception {
        List<HandshakePeer> peers = new ArrayList<>(peers(fixture));
        peers.removeIf(p -> !options.includes(p.name()));
        if (peers.isEmpty()) {
            throw new IllegalStateException("no peer matches " + options.only() + "; peers: " + PEER_NAMES);
        }
        Map<HandshakePeer, HandshakePeer.Outcome> outcomes = new LinkedHashMap<>();
        for (HandshakePeer p : peers) {
            outcomes.put(p, check(p, p.handshake()));
        }
        log.printf(Locale.ROOT, "warm-up: %.1f s per peer%n", options.warmupSeconds());
        log.flush();
        for (HandshakePeer p : peers) {
            measure(p, options.warmupSeconds());
        }
        Map<HandshakePeer, double[]> rates = new LinkedHashMap<>();
        Map<HandshakePeer, double[]> cpuRates = new LinkedHashMap<>();
        Map<HandshakePeer, long[]> counts = new LinkedHashMap<>();
        for (HandshakePeer p : peers) {
            rates.put(p, new double[options.rounds()]);
            cpuRates.put(p, new double[options.rounds()]);
            counts.put(p, new long[2]);
        }
        for (int r = 0; r < options.rounds(); r++) {
            StringBuilder line = new StringBuilder("round " + (r + 1) + "/" + options.rounds() + ":");
            for (HandshakePeer p : peers) {
                long before = fixture.verifications.get();
                Round m = measure(p, options.seconds());
                long verified = fixture.verifications.get() - before;
                rates.get(p)[r] = m.perSecond();
                cpuRates.get(p)[r] = m.perCpuSecond();
                counts.get(p)[0] += m.operations();
                counts.get(p)[1] += verified;
                line.append(String.format(Locale.ROOT, " %s %.0f/s (%.0f/cpu-s)", p.name(), m.perSecond(),
                        m.perCpuSecond()));
            }
            log.println(line);
            log.flush();
        }
        List<PeerResult> results = new ArrayList<>();
        for (HandshakePeer p : peers) {
            long[] c = counts.get(p);
            results.add(new PeerResult(p.name(), rates.get(p), cpuRates.get(p), (double) c[1] / c[0],
                    outcomes.get(p)));
        }
        return results;
    }

    private static HandshakePeer.Outcome check(HandshakePeer p, HandshakePeer.Outcome o) {
        if (!"TLSv1.3".equals(o.version()) || !"TLS_AES_128_GCM_SHA256".equals(o.cipherSuite())
                || !("x25519".equals(o.group()) || "n/a".equals(o.group()))) {
            throw new IllegalStateException(p.name() + " negotiated " + o + ", expected TLSv1.3 "
                    + "TLS_AES_128_GCM_SHA256 x25519");
        }
        return o;
    }

    private record Round(long operations, double perSecond, double perCpuSecond) {
    }

    /**
     * Handshakes for {@code seconds} of wall-clock time (bounded also by a cap on operations), timed by the wall
     * clock and by the process's CPU time: on a machine shared with other work the CPU figure is the steadier one.
     */
    private static Round measure(HandshakePeer p, double seconds) throws Exception {
        long budget = (long) (seconds * 1e9);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long ops = 0;
        long elapsed;
        do {
            p.handshake();
            ops++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget && ops < 100_000_000L);
        long cpu = processCpuNanos() - cpuStart;
        return new Round(ops, ops / (elapsed / 1e9), cpu > 0 ? ops / (cpu / 1e9) : Double.NaN);
    }

    /** CPU time of all threads of this process, or -1 where the JVM does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /**
     * The table: median handshakes per CPU second (ratios are taken from it) and per wall second, the CPU rounds'
     * spread, ratios to JSSE and BC TLS, multiple of the floor, verifications per handshake.
     */
    public static String table(List<PeerResult> results) {
        double jsse = find(results, "JSSE (SunJSSE)");
        double bc = find(results, "BC TLS API");
        double floor = find(results, "crypto floor");
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "| %-18s | %9s | %15s | %9s | %7s | %9s | %8s | %14s |%n", "peer",
                "hs/CPU-s", "CPU-s rounds", "hs/s wall", "÷ JSSE", "÷ BC TLS", "floor ×", "cert checks/hs"));
        b.append("|--------------------|----------:|----------------:|----------:|--------:|----------:|---------:|"
                + "---------------:|\n");
        for (PeerResult r : results) {
            boolean isFloor = r.name().equals("crypto floor");
            double m = r.cpuMedian();
            b.append(String.format(Locale.ROOT, "| %-18s | %9.0f | %15s | %9.0f | %7.2f | %9.2f | %8s | %14s |%n",
                    r.name(), m, String.format(Locale.ROOT, "%.0f-%.0f",
                            Arrays.stream(r.perCpuSecond()).min().orElse(0),
                            Arrays.stream(r.perCpuSecond()).max().orElse(0)),
                    r.median(), m / jsse, m / bc,
                    isFloor ? "1.00" : String.format(Locale.ROOT, "%.2f", floor / m),
                    isFloor ? "-" : String.format(Locale.ROOT, "%.3f", r.verificationsPerHandshake())));
        }
        return b.toString();
    }

    private static double find(List<PeerResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).mapToDouble(PeerResult::cpuMedian).findFirst()
                .orElse(Double.NaN);
    }

    /** Peers whose client did not verify exactly one chain per handshake (a resumption, or a cached verdict). */
    public static List<String> verificationFailures(List<PeerResult> results) {
        List<String> bad = new ArrayList<>();
        for (PeerResult r : results) {
            if (!r.name().equals("crypto floor") && r.verificationsPerHandshake() != 1.0) {
                bad.add(r.name() + ": " + r.verificationsPerHandshake() + " certificate verifications per handshake");
            }
        }
        return bad;
    }

    /** One line on where it ran: JDK, cores, load (the figures are only comparable within one run). */
    public static String environment() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "JDK %s (%s), %s %s, %d cores, load average %.2f",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), load);
    }
}
