package tlsconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tlsconf.model.generate.Bounds;
import tlsconf.model.generate.Deviation;
import tlsconf.model.generate.DeviationGenerator;
import tlsconf.model.generate.DeviationKind;
import tlsconf.model.generate.PathGenerator;
import tlsconf.model.generate.Sampler;
import tlsconf.model.generate.Shrinker;
import tlsconf.model.generate.ValidPath;
import tlsconf.model.oracle.Oracle;
import tlsconf.model.oracle.Reaction;
import tlsconf.model.oracle.TraceCheck;

/** The generators against the oracle: valid paths accepted, deviations rejected with a defined reaction. */
class GeneratorTest {

    private static final Map<Model, List<Deviation>> DEVIATIONS = new ConcurrentHashMap<>();

    static Stream<Model> models() {
        return Models.all().stream();
    }

    private static List<Deviation> deviations(Model m) {
        return DEVIATIONS.computeIfAbsent(m, x -> DeviationGenerator.all(x, Bounds.HANDSHAKES));
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyValidPathIsAcceptedAndComplete(Model model) {
        List<ValidPath> paths = PathGenerator.allPaths(model, Bounds.DEFAULT);
        assertFalse(paths.isEmpty());
        Set<List<?>> distinct = new HashSet<>();
        for (ValidPath p : paths) {
            TraceCheck c = Oracle.of(model, p.parameters()).check(p.events());
            assertTrue(c.complete(), () -> model.title() + " rejects its own path " + p.describe());
            assertTrue(p.events().stream().anyMatch(e -> e.kind() == tlsconf.model.event.MessageKind.FINISHED));
            distinct.add(List.of(p.parameters(), p.events()));
        }
        assertEquals(paths.size(), distinct.size(), "paths are distinct");
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyStateIsOnSomeValidPath(Model model) {
        Set<State> visited = new HashSet<>();
        for (ValidPath p : PathGenerator.allPaths(model, Bounds.DEFAULT)) {
            p.transitions().forEach(t -> {
                visited.add(t.from());
                visited.add(t.to());
            });
        }
        assertEquals(Set.copyOf(model.states()), visited);
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyDeviationIsRejectedWithADefinedReaction(Model model) {
        List<Deviation> all = deviations(model);
        assertFalse(all.isEmpty());
        for (Deviation d : all) {
            Oracle oracle = Oracle.of(model, d.parameters());
            TraceCheck c = oracle.check(d.trace());
            assertEquals(d.trace().size() - 1, c.rejectedAt(), d::describe);
            assertTrue(d.offending().isReceived(), d::describe);
            Reaction reaction = c.rejection().orElseThrow().reaction();
            assertEquals(d.expected(), reaction, d::describe);
            if (reaction instanceof Reaction.Abort a) {
                assertFalse(a.acceptable().isEmpty());
                assertFalse(a.violation().isBlank());
            } else {
                assertInstanceOf(Reaction.Close.class, reaction, d::describe);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyDeviationKindOccurs(Model model) {
        Set<DeviationKind> kinds = EnumSet.noneOf(DeviationKind.class);
        deviations(model).forEach(d -> kinds.add(d.kind()));
        assertEquals(EnumSet.allOf(DeviationKind.class), kinds, model.title());
    }

    @Test
    void generationIsDeterministic() {
        for (Model m : Models.all()) {
            assertEquals(PathGenerator.allPaths(m, Bounds.DEFAULT), PathGenerator.allPaths(m, Bounds.DEFAULT));
            assertEquals(deviations(m), DeviationGenerator.all(m, Bounds.HANDSHAKES));
        }
    }

    @Test
    void samplingIsSeededAndRepeatable() {
        List<Deviation> pool = deviations(Models.all().get(0));
        Sampler a = new Sampler(42);
        assertEquals(a.sample(pool, 20), new Sampler(42).sample(pool, 20));
        assertNotEquals(a.sample(pool, 20), new Sampler(43).sample(pool, 20));
        assertEquals(20, Set.copyOf(a.sample(pool, 20)).size());
        assertEquals(3, new Sampler(1).sample(List.of(1, 2, 3), 10).size());
    }

    /** QuickTheories: any sampled deviation of any model is rejected exactly at its last event. */
    @Test
    void sampledDeviationsAreRejectedAtTheirLastEvent() {
        List<Model> models = Models.all();
        qt().withExamples(200).forAll(integers().between(0, models.size() - 1), longs().all())
                .checkAssert((i, seed) -> {
                    Model m = models.get(i);
                    for (Deviation d : new Sampler(seed).sample(deviations(m), 5)) {
                        TraceCheck c = Oracle.of(m, d.parameters()).check(d.trace());
                        assertEquals(d.trace().size() - 1, c.rejectedAt(), d::describe);
                        assertTrue(Oracle.of(m, d.parameters()).check(d.trace().subList(0, d.trace().size() - 1))
                                .valid(), d::describe);
                    }
                });
    }

    /** QuickTheories: a random walk through the enabled transitions is always accepted by the oracle. */
    @Test
    void randomWalksAreAccepted() {
        List<Model> models = Models.all();
        qt().withExamples(300).forAll(integers().between(0, models.size() - 1), integers().between(0, 16),
                longs().all()).checkAssert((i, paramsIndex, seed) -> {
                    Model m = models.get(i);
                    List<RunParameters> params = RunParameters.all(m.version());
                    RunParameters p = params.get(paramsIndex % params.size());
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    State s = m.initial();
                    List<tlsconf.model.event.Event> trace = new java.util.ArrayList<>();
                    for (int step = 0; step < 40; step++) {
                        List<Transition> enabled = m.enabled(s, p);
                        if (enabled.isEmpty()) {
                            break;
                        }
                        Transition t = enabled.get(random.nextInt(enabled.size()));
                        trace.add(t.event());
                        s = t.to();
                    }
                    TraceCheck c = Oracle.of(m, p).check(trace);
                    assertTrue(c.valid());
                    assertEquals(s, c.finalState());
                });
    }

    @Test
    void shrinkerFindsAShorterDeviationWithTheSameOffence() {
        Model m = Models.all().get(0);
        List<Deviation> pool = deviations(m);
        Deviation longest = pool.stream().max(java.util.Comparator.comparingInt(d -> d.trace().size())).orElseThrow();
        Deviation shortest = Shrinker.shortest(longest, pool, d -> true);
        assertTrue(shortest.trace().size() <= longest.trace().size());
        assertEquals(longest.offending(), shortest.offending());
        assertEquals(longest, Shrinker.shortest(longest, pool, d -> false));
    }

    @Test
    void indistinguishableParametersMakeNoDeviation() {
        // a client cannot know a HelloRetryRequest is coming: leaving it out is a valid handshake, no deviation
        Model client = Models.of(tlsconf.model.vocabulary.TlsVersion.TLS_1_3, tlsconf.model.vocabulary.Role.CLIENT);
        RunParameters hrr = RunParameters.defaults().withHelloRetryRequest(true);
        ValidPath path = PathGenerator.paths(client, hrr, Bounds.HANDSHAKES).get(0);
        List<Deviation> ds = DeviationGenerator.of(client, path);
        assertTrue(ds.stream().noneMatch(d -> d.kind() == DeviationKind.SKIP
                && d.name().startsWith("skip recv HelloRetryRequest")), "skipping the HRR is no deviation");
        // a HelloRetryRequest after the second ClientHello is (RFC 8446 §4.1.4)
        assertTrue(ds.stream().anyMatch(d -> d.kind() == DeviationKind.HOP
                && d.offending().kind() == tlsconf.model.event.MessageKind.HELLO_RETRY_REQUEST
                && d.expected() instanceof Reaction.Abort a && a.citation().section().equals("4.1.4")));
    }
}
