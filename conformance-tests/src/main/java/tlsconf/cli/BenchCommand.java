package tlsconf.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tlsconf.bench.Bench;
import tlsconf.bench.BenchOptions;
import tlsconf.bench.ConformanceRate;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * {@code tlsconf bench}: TLS 1.3 and TLS 1.2 handshakes per second of our reference, JSSE, BC TLS and BCJSSE side by
 * side in this JVM, against the crypto floor. Exit 1 if a peer's client did not verify one certificate chain per
 * handshake.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Handshakes/s of the reference beside JSSE, BC TLS and BCJSSE, in memory, in one JVM "
                + "(TLS 1.3 TLS_AES_128_GCM_SHA256 and TLS 1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256; x25519, "
                + "ECDSA P-256).")
final class BenchCommand implements Callable<Integer> {

    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final Logger BCJSSE_LOG = Logger.getLogger("org.bouncycastle.jsse");

    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", description = "Measured rounds per peer (default: ${DEFAULT-VALUE}).")
    int rounds = BenchOptions.standard().rounds();

    @Option(names = "--seconds", description = "Seconds per peer per round (default: ${DEFAULT-VALUE}).")
    double seconds = BenchOptions.standard().seconds();

    @Option(names = "--warmup", description = "Most warm-up seconds per peer; a peer stops warming earlier once its "
            + "rate is steady (default: ${DEFAULT-VALUE}).")
    double warmup = BenchOptions.standard().warmupSeconds();

    @Option(names = "--quick", description = "About 30 s: 3 rounds of 0.5 s, at most 1 s warm-up (overrides the "
            + "others).")
    boolean quick;

    @Option(names = "--tls", split = ",", paramLabel = "VERSION",
            description = "Protocol versions to measure, one table each: 1.3, 1.2 (default: both).")
    List<String> tls = List.of("1.3", "1.2");

    @Option(names = "--no-key-cache", description = "Turn off the reference's peer-key cache (and the floor's "
            + "matching reuse of the parsed server key): every handshake parses the server key anew.")
    boolean noKeyCache;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Measure only peers whose name contains NAME (e.g. reference, JSSE, BC TLS, floor): for "
                    + "profiling one peer; ratios to a peer left out print as NaN.")
    List<String> only = List.of();

    @Option(names = "--no-conformance", description = "Skip the conformance scenarios/s line (a quick-profile "
            + "TLS 1.3 run of the catalogue against the in-process reference, about 5 s).")
    boolean noConformance;

    @Override
    public Integer call() throws Exception {
        BenchOptions options;
        try {
            List<TlsVersion> versions = new java.util.ArrayList<>();
            for (String t : tls) {
                switch (t.trim()) {
                    case "1.3" -> versions.add(TlsVersion.TLS_1_3);
                    case "1.2" -> versions.add(TlsVersion.TLS_1_2);
                    default -> throw new IllegalArgumentException("--tls takes 1.3 and/or 1.2, got '" + t + "'");
                }
            }
            options = (quick ? BenchOptions.quick() : new BenchOptions(rounds, seconds, warmup)).only(only)
                    .versions(versions).keyCache(!noKeyCache);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        BenchOptions chosen = options;
        if (Bench.PEER_NAMES.stream().noneMatch(chosen::includes)) {
            throw new UsageException("--only " + String.join(",", only) + " matches no peer; peers: "
                    + String.join(", ", Bench.PEER_NAMES));
        }
        // JDK 17's SSLEngine has no per-engine group setter: the groups of both JSSE providers come from this
        // property, read when JSSE first loads. x25519 first (the only key share a JSSE client sends); secp256r1
        // after it because BCJSSE enables the ecdsa_secp256r1_sha256 scheme only while its curve is enabled.
        if (System.getProperty("jdk.tls.namedGroups") == null) {
            System.setProperty("jdk.tls.namedGroups", "x25519,secp256r1");
        }
        // BCJSSE logs every connection at INFO and warns about JDK-only policy entries: noise in a benchmark.
        BCJSSE_LOG.setLevel(Level.SEVERE);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("tlsconf bench: " + options.rounds() + " rounds × " + options.seconds() + " s per peer, "
                + "at most " + options.warmupSeconds() + " s warm-up, " + options.versions() + "; "
                + Bench.environment());
        err.flush();
        List<Bench.PeerResult> results = new Bench(options).run(err);
        out.print(Bench.report(results, options));
        out.flush();
        if (!noConformance) {
            ConformanceRate.Rate rate = ConformanceRate.measure(1);
            String failed = rate.failed() > 0 ? " (" + rate.failed() + " checks failed)" : "";
            out.printf(java.util.Locale.ROOT, "conformance: %d scenarios (quick profile, TLS 1.3, reference "
                    + "in-process, both roles, seed 1) in %.1f s: %.1f scenarios/s%s%n", rate.scenarios(),
                    rate.seconds(), rate.scenariosPerSecond(), failed);
            out.flush();
        }
        List<String> bad = Bench.verificationFailures(results);
        if (!bad.isEmpty()) {
            err.println("tlsconf bench: not one full handshake per operation: " + String.join("; ", bad));
            return Main.EXIT_CHECK_FAILED;
        }
        out.println("certificate verifications: exactly one per handshake for every peer (no resumption).");
        out.flush();
        return Main.EXIT_OK;
    }
}
