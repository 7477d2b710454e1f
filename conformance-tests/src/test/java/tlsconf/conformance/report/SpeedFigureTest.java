package tlsconf.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.check.family.FinishedChecks;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.run.Harness;
import tlsconf.conformance.run.RunOptions;
import tlsconf.conformance.run.RunResult;
import tlsconf.conformance.run.Runner;
import tlsconf.conformance.setup.Harnesses;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.model.vocabulary.Role;
import tlsconf.model.vocabulary.TlsVersion;

/**
 * Issue 6 asks for the speed figure in every report: the console summary, report.json and report.html all carry
 * scenarios/s of playing and say how it is computed; the phases it is computed from add up to the run.
 */
class SpeedFigureTest {

    @Test
    void everyReportCarriesTheRateAndItsBasis(@TempDir Path dir) throws Exception {
        RunOptions options = RunOptions.defaults(1).withProfile(Profile.QUICK)
                .withVersions(EnumSet.of(TlsVersion.TLS_1_3));
        TargetSpec spec = new TargetSpec("reference", null, null, null);
        List<Harness> harnesses = Harnesses.create(spec, Set.copyOf(EnumSet.allOf(Role.class)), options);
        RunResult run = new Runner(FinishedChecks.all(), options, KnownDeviations.none())
                .run("reference", harnesses, line -> { });

        assertTrue(run.scenarios() > 0);
        assertTrue(run.play().toNanos() > 0, "playing was timed");
        assertTrue(run.setup().plus(run.play()).plus(run.shrink()).compareTo(run.duration()) <= 0,
                "the phases lie within the run: " + run.speedLine());
        assertEquals(run.scenarios() / (run.play().toNanos() / 1e9), run.scenariosPerSecond(), 1e-6);

        StringWriter console = new StringWriter();
        ConsoleReport.print(run, new PrintWriter(console));
        assertTrue(console.toString().contains(String.format(java.util.Locale.ROOT, "speed %.1f scenarios/s",
                run.scenariosPerSecond())), console.toString());
        assertTrue(console.toString().contains(RunResult.RATE_BASIS));

        ReportWriter.write(run, spec, dir);
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("summary");
        assertEquals(Math.round(run.scenariosPerSecond() * 10) / 10.0, summary.get("scenariosPerSecond").asDouble());
        assertEquals(RunResult.RATE_BASIS, summary.get("scenariosPerSecondBasis").asText());
        assertTrue(summary.get("playSeconds").asDouble() <= summary.get("durationSeconds").asDouble());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "<b>%.1f scenarios/s</b>",
                run.scenariosPerSecond())), html);
    }
}
