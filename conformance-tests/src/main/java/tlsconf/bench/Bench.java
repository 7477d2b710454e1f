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
import tlsconf.model.vocabulary.TlsVersion;

/**
 * The handshake benchmark behind {@code tlsconf bench}: every peer side by side in one JVM, in memory, one full
 * handshake per operation with fresh client and server objects, one table per protocol version.
 *
 * <p>A plain harness rather than JMH, on purpose: the question is a ratio between peers that run in the same JVM
 * under the same (busy, shared) machine load, and the answer must come in about three minutes from the shipped jar.
 * JMH forks a JVM per benchmark (each paying its own warm-up) and wants an annotation processor and its own
 * uber-jar; with ten peers and its default forks it does not fit the budget. What JMH would protect against is
 * handled here directly:
 * <ul>
 *   <li>Warm-up until steady: the peers take turns in short slices (all of them, so call sites that see several
 *       implementations are compiled for all of them before anything is measured); a peer stops warming once the
 *       CPU rates of its last {@value #STEADY_SLICES} slices agree within {@value #STEADY_SPREAD_PERCENT}% (the JIT
 *       has finished with it), or at the warm-up limit. A fixed few seconds was not enough: the JIT was still
 *       compiling Bouncy Castle's field arithmetic in the first measured rounds.</li>
 *   <li>Rounds interleave the peers (round 1: A B C ..., round 2: ... C B A), so a burst of load from elsewhere hits
 *       them alike; the median of many short rounds is reported with the spread, and each ratio between two peers
 *       is the median of their ratios within the same round.</li>
 *   <li>Each round times thousands of operations by wall clock and by CPU time (the benchmark thread's, plus GC
 *       time; see {@link #measure}); the CPU figure is the steady one on a shared machine and the ratios use it.</li>
 *   <li>Results feed an outcome check and a verification counter, so no work can be eliminated as dead code.</li>
 * </ul>
 * Handshakes allocate a lot, so GC is part of what is measured, as in real use.
 */
public final class Bench {
    /** Warm-up slice per peer turn. */
    static final double SLICE_SECONDS = 0.5;
    /** A peer's warm-up ends when this many consecutive slices ... */
    static final int STEADY_SLICES = 3;
    /** ... agree within this spread (max / min - 1) of their CPU rates. */
    static final int STEADY_SPREAD_PERCENT = 5;
    /** Fewest warm-up slices per peer, even when steady at once (the first slices include class loading). */
    static final int MIN_SLICES = 4;

    private final BenchOptions options;
    private final BenchFixture fixture = new BenchFixture();

    public Bench(BenchOptions options) {
        this.options = options;
    }

    /**
     * The result of one peer, per measured round: handshakes per wall-clock second and per CPU second (of the
     * benchmark thread plus GC, see {@link Bench#measure}), chain verifications per handshake and the seconds of
     * warm-up it took to settle ({@code steady}: whether it did before the limit).
     */
    public record PeerResult(String name, TlsVersion version, double[] perSecond, double[] perCpuSecond,
            double verificationsPerHandshake, double warmupSeconds, boolean steady) {
        public double median() {
            return median(perSecond);
        }

        public double cpuMedian() {
            return median(perCpuSecond);
        }

        static double median(double[] values) {
            double[] s = values.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }
    }

    public static final String REFERENCE = "tlsconf reference";
    public static final String JSSE = "JSSE (SunJSSE)";
    public static final String BC_TLS = "BC TLS API";
    public static final String BCJSSE = "BCJSSE";
    public static final String FLOOR = "crypto floor";

    /** The peers' names in table order (the same in each version's table). */
    public static final List<String> PEER_NAMES = List.of(REFERENCE, JSSE, BC_TLS, BCJSSE, FLOOR);

    /** The peers of one version's table in table order; the floor last. */
    static List<HandshakePeer> peers(BenchFixture fixture, TlsVersion version, boolean keyCache) throws Exception {
        List<HandshakePeer> peers = new ArrayList<>();
        peers.add(new ReferencePeer(fixture, version, keyCache));
        peers.add(new SslEnginePeer(JSSE, null, fixture, version));
        peers.add(new BcTlsPeer(fixture, version));
        peers.add(new SslEnginePeer(BCJSSE, bcJsse(), fixture, version));
        peers.add(version == TlsVersion.TLS_1_3 ? new CryptoFloor(fixture, keyCache)
                : new CryptoFloor12(fixture, keyCache));
        return peers;
    }

    /** BCJSSE on Bouncy Castle's JCA provider (not registered globally: the JVM's other users keep SunJSSE). */
    static Provider bcJsse() {
        return new BouncyCastleJsseProvider(new BouncyCastleProvider());
    }

    /** Runs warm-up and the measured rounds for every chosen peer of every chosen version; progress to {@code log}. */
    public List<PeerResult> run(PrintWriter log) throws Exception {
        List<HandshakePeer> peers = new ArrayList<>();
        for (TlsVersion v : options.versions()) {
            for (HandshakePeer p : peers(fixture, v, options.keyCache())) {
                if (options.includes(p.name())) {
                    peers.add(p);
                }
            }
        }
        if (peers.isEmpty()) {
            throw new IllegalStateException("no peer matches " + options.only() + "; peers: " + PEER_NAMES);
        }
        for (HandshakePeer p : peers) {
            check(p, p.handshake());
        }
        Map<HandshakePeer, Double> warmed = warmUp(peers, log);
        Map<HandshakePeer, double[]> rates = new LinkedHashMap<>();
        Map<HandshakePeer, double[]> cpuRates = new LinkedHashMap<>();
        Map<HandshakePeer, long[]> counts = new LinkedHashMap<>();
        for (HandshakePeer p : peers) {
            rates.put(p, new double[options.rounds()]);
            cpuRates.put(p, new double[options.rounds()]);
            counts.put(p, new long[2]);
        }
        for (int r = 0; r < options.rounds(); r++) {
            StringBuilder line = new StringBuilder("round " + (r + 1) + "/" + options.rounds() + ", hs/CPU-s:");
            // odd rounds run the peers in reverse order, so no peer always follows the same one
            List<HandshakePeer> order = new ArrayList<>(peers);
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (HandshakePeer p : order) {
                long before = fixture.verifications.get();
                Round m = measure(p, options.seconds());
                long verified = fixture.verifications.get() - before;
                rates.get(p)[r] = m.perSecond();
                cpuRates.get(p)[r] = m.perCpuSecond();
                counts.get(p)[0] += m.operations();
                counts.get(p)[1] += verified;
                line.append(String.format(Locale.ROOT, " %s %s %.0f;", label(p), p.name(), m.perCpuSecond()));
            }
            log.println(line);
            log.flush();
        }
        List<PeerResult> results = new ArrayList<>();
        for (HandshakePeer p : peers) {
            long[] c = counts.get(p);
            double w = warmed.get(p);
            results.add(new PeerResult(p.name(), p.version(), rates.get(p), cpuRates.get(p), (double) c[1] / c[0],
                    Math.abs(w), w >= 0));
        }
        return results;
    }

    /**
     * Warms the peers in turns of {@link #SLICE_SECONDS} until each is steady or has had the warm-up limit. Returns
     * each peer's warm-up seconds, negative for a peer that never settled.
     */
    private Map<HandshakePeer, Double> warmUp(List<HandshakePeer> peers, PrintWriter log) throws Exception {
        Map<HandshakePeer, List<Double>> slices = new LinkedHashMap<>();
        Map<HandshakePeer, Double> done = new LinkedHashMap<>();
        peers.forEach(p -> slices.put(p, new ArrayList<>()));
        int maxSlices = (int) Math.ceil(options.warmupSeconds() / SLICE_SECONDS);
        log.printf(Locale.ROOT, "warm-up: turns of %.1f s per peer until steady (last %d within %d%%), at most "
                + "%.1f s per peer%n", SLICE_SECONDS, STEADY_SLICES, STEADY_SPREAD_PERCENT, options.warmupSeconds());
        log.flush();
        for (int turn = 0; turn < maxSlices; turn++) {
            for (HandshakePeer p : peers) {
                if (done.containsKey(p)) {
                    continue;
                }
                List<Double> s = slices.get(p);
                s.add(measure(p, SLICE_SECONDS).perCpuSecond());
                if (s.size() >= Math.max(MIN_SLICES, STEADY_SLICES) && steady(s.subList(s.size() - STEADY_SLICES,
                        s.size()))) {
                    done.put(p, s.size() * SLICE_SECONDS);
                }
            }
        }
        StringBuilder line = new StringBuilder("warm-up done:");
        for (HandshakePeer p : peers) {
            done.putIfAbsent(p, -slices.get(p).size() * SLICE_SECONDS);
            double w = done.get(p);
            line.append(String.format(Locale.ROOT, " %s %s %.1f s%s;", label(p), p.name(), Math.abs(w),
                    w < 0 ? " (not steady)" : ""));
        }
        log.println(line);
        log.flush();
        Map<HandshakePeer, Double> ordered = new LinkedHashMap<>();
        peers.forEach(p -> ordered.put(p, done.get(p)));
        return ordered;
    }

    static boolean steady(List<Double> rates) {
        double min = rates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return min > 0 && max / min - 1 <= STEADY_SPREAD_PERCENT / 100.0;
    }

    private static String label(HandshakePeer p) {
        return p.version() == TlsVersion.TLS_1_3 ? "1.3" : "1.2";
    }

    /** The version, suite and group each peer must negotiate in each table. */
    static void check(HandshakePeer p, HandshakePeer.Outcome o) {
        boolean v13 = p.version() == TlsVersion.TLS_1_3;
        String version = v13 ? "TLSv1.3" : "TLSv1.2";
        String suite = v13 ? "TLS_AES_128_GCM_SHA256" : "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
        if (!version.equals(o.version()) || !suite.equals(o.cipherSuite())
                || !("x25519".equals(o.group()) || "n/a".equals(o.group()))) {
            throw new IllegalStateException(p.name() + " negotiated " + o + ", expected " + version + " " + suite
                    + " x25519");
        }
    }

    private record Round(long operations, double perSecond, double perCpuSecond) {
    }

    /**
     * Handshakes for {@code seconds} of wall-clock time (bounded also by a cap on operations), timed by the wall
     * clock and by CPU time: the CPU time of this thread, which runs both sides of every handshake, plus the time
     * the JVM spent in garbage collection meanwhile (the handshakes' garbage is part of their cost). Not the whole
     * process's CPU time: that also counts the JIT compiler threads, which under load keep compiling for a long
     * time and would charge their work to whichever peer happens to run.
     */
    private static Round measure(HandshakePeer p, double seconds) throws Exception {
        long budget = (long) (seconds * 1e9);
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        long ops = 0;
        long elapsed;
        do {
            p.handshake();
            ops++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget && ops < 100_000_000L);
        long cpu = cpuNanos() - cpuStart;
        return new Round(ops, ops / (elapsed / 1e9), cpu > 0 ? ops / (cpu / 1e9) : Double.NaN);
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of this thread plus the JVM's accumulated GC time, or -1 where the JVM does not say. */
    static long cpuNanos() {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            return -1;
        }
        long gcMillis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return THREADS.getCurrentThreadCpuTime() + gcMillis * 1_000_000L;
    }

    /**
     * One version's table: median handshakes per CPU second and per wall second, the CPU rounds' spread, ratios to
     * JSSE and BC TLS, multiple of the floor, verifications per handshake. Each ratio is the median of the ratios
     * within each round (peers of one round ran seconds apart, under the same load), which a load that drifts
     * between rounds disturbs much less than a ratio of two medians.
     */
    public static String table(List<PeerResult> results) {
        PeerResult jsse = find(results, JSSE);
        PeerResult bc = find(results, BC_TLS);
        PeerResult floor = find(results, FLOOR);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "| %-18s | %9s | %15s | %9s | %7s | %9s | %8s | %14s |%n", "peer",
                "hs/CPU-s", "CPU-s rounds", "hs/s wall", "÷ JSSE", "÷ BC TLS", "floor ×", "cert checks/hs"));
        b.append("|--------------------|----------:|----------------:|----------:|--------:|----------:|---------:|"
                + "---------------:|\n");
        for (PeerResult r : results) {
            boolean isFloor = r.name().equals(FLOOR);
            b.append(String.format(Locale.ROOT, "| %-18s | %9.0f | %15s | %9.0f | %7.2f | %9.2f | %8s | %14s |%n",
                    r.name(), r.cpuMedian(), String.format(Locale.ROOT, "%.0f-%.0f",
                            Arrays.stream(r.perCpuSecond()).min().orElse(0),
                            Arrays.stream(r.perCpuSecond()).max().orElse(0)),
                    r.median(), ratio(r, jsse), ratio(r, bc),
                    isFloor ? "1.00" : String.format(Locale.ROOT, "%.2f", ratio(floor, r)),
                    isFloor ? "-" : String.format(Locale.ROOT, "%.3f", r.verificationsPerHandshake())));
        }
        return b.toString();
    }

    /** Median over the rounds of a's CPU rate / b's CPU rate in the same round; NaN when either is absent. */
    static double ratio(PeerResult a, PeerResult b) {
        if (a == null || b == null) {
            return Double.NaN;
        }
        int n = Math.min(a.perCpuSecond().length, b.perCpuSecond().length);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = a.perCpuSecond()[i] / b.perCpuSecond()[i];
        }
        return n == 0 ? Double.NaN : PeerResult.median(r);
    }

    private static PeerResult find(List<PeerResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** The results of one version, in table order. */
    public static List<PeerResult> of(List<PeerResult> results, TlsVersion version) {
        return results.stream().filter(r -> r.version() == version).toList();
    }

    /** Peers whose client did not verify exactly one chain per handshake (a resumption, or a cached verdict). */
    public static List<String> verificationFailures(List<PeerResult> results) {
        List<String> bad = new ArrayList<>();
        for (PeerResult r : results) {
            if (!r.name().equals(FLOOR) && r.verificationsPerHandshake() != 1.0) {
                bad.add(r.version() + " " + r.name() + ": " + r.verificationsPerHandshake()
                        + " certificate verifications per handshake");
            }
        }
        return bad;
    }

    /** What each version's table measures: its first line. */
    static String title(TlsVersion v) {
        return v == TlsVersion.TLS_1_3
                ? "TLS 1.3 full handshakes: TLS_AES_128_GCM_SHA256, x25519, ECDSA P-256 server chain (root, "
                        + "intermediate, leaf), no client auth, no resumption"
                : "TLS 1.2 full handshakes: TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, x25519, the same ECDSA P-256 "
                        + "chain, no client auth, no resumption";
    }

    /** The whole report: the environment, one table per version measured, and what the columns and caches mean. */
    public static String report(List<PeerResult> results, BenchOptions options) {
        StringBuilder b = new StringBuilder();
        b.append("In memory, one JVM, fresh client and server objects per handshake. ").append(environment())
                .append('\n');
        for (TlsVersion v : options.versions()) {
            List<PeerResult> rows = of(results, v);
            if (rows.isEmpty()) {
                continue;
            }
            b.append('\n').append(title(v)).append("\n\n").append(table(rows));
        }
        b.append('\n').append(String.format(Locale.ROOT, "hs/CPU-s: handshakes per CPU second of the benchmark "
                + "thread, which runs both sides, plus the JVM's GC time (JIT compiler threads not counted), median "
                + "of %d rounds of %.1f s after a warm-up until steady; hs/s wall: the same per wall-clock second. "
                + "Ratios use hs/CPU-s, steadier on a shared machine, each the median of the ratios within a round: "
                + "÷ JSSE, ÷ BC TLS: speed relative to them (higher is faster); floor ×: how many times slower than "
                + "the crypto floor "
                + "(only the primitives a handshake needs, on the same Bouncy Castle primitives as the reference). "
                + "cert checks/hs: calls of the client's certificate verifier (trust manager) per handshake: 1 means "
                + "every handshake was full (no resumption, no cached verdict).%n", options.rounds(),
                options.seconds()));
        b.append(options.keyCache()
                ? "Peer-key cache ON (turn off: --no-key-cache): the reference's client parses the server's public "
                        + "key once per distinct SubjectPublicKeyInfo (exact bytes) and reuses the parsed key, as Go's "
                        + "crypto/tls shares parsed certificates by their DER bytes; Bouncy Castle keeps its "
                        + "multiplication tables on that key, so each signature check (still made every handshake, "
                        + "over that handshake's transcript) costs well under half (about 40% in a JFR profile). The "
                        + "crypto floor verifies with a reused key too, to match. BC TLS and BCJSSE parse the key for "
                        + "each handshake; JSSE gets the same key object back from the JDK's certificate cache (below),"
                        + " but the JDK's EC code keeps no tables per key.\n"
                : "Peer-key cache OFF: the reference's client and the crypto floor parse the server's key anew for "
                        + "every handshake, as BC TLS and BCJSSE do.\n");
        b.append("Chain signatures: the reference, JSSE and the BC TLS API client here validate the chain with the "
                + "JDK's PKIX validator on certificates from the JDK's X.509 CertificateFactory, which hands back the "
                + "same object for the same DER bytes, and that object skips a signature check it has already passed "
                + "with the same key: 0 chain signature verifications per handshake after the first (validity dates, "
                + "host name, key usage are checked each time). BCJSSE parses and validates with Bouncy Castle's "
                + "provider.\n");
        return b.toString();
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
