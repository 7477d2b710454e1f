package tlsconf.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlsconf.conformance.check.Capability;
import tlsconf.conformance.check.Catalogue;
import tlsconf.conformance.check.Profile;
import tlsconf.conformance.known.KnownDeviation;
import tlsconf.conformance.known.KnownDeviations;
import tlsconf.conformance.report.ConsoleReport;
import tlsconf.conformance.report.ReportWriter;
import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.target.TargetSpec;
import tlsconf.conformance.verdict.Expectation;
import tlsconf.conformance.verdict.Observation;
import tlsconf.model.vocabulary.AlertLevel;
import tlsconf.model.vocabulary.Role;

/**
 * A check whose requirement is a policy (the 1024-bit RSA key: RFC 8446 sets no minimum key size) or an RFC
 * recommendation (SHA-1 certificate signatures, RFC 8446 §4.4.2.4) cannot fail: a client that accepts such a chain
 * is an advisory, counted apart from failures in every report and never a reason for exit status 1. A deviation
 * from an RFC MUST in the same run still fails.
 */
class AdvisoryVerdictTest {
    private static final RunOptions OPTIONS = RunOptions.defaults(5).withProfile(Profile.QUICK);
    private static final String POLICY = "tls13.certificate.rsa-1024-key";
    private static final String RECOMMENDED = "tls13.certificate.sha1-signature";
    private static final String MUST = "tls13.certificate.expired";

    /** A client that refuses what each scenario expects it to refuse, except the chains of {@code accepted}. */
    private static Function<Scenario, Observation> accepting(List<String> accepted) {
        return s -> {
            if (accepted.contains(s.checkId())) {
                return new Observation.Completed();
            }
            if (s.expected() instanceof Expectation.Reject r) {
                return Observation.Alert.of(AlertLevel.FATAL, r.preferred());
            }
            return new Observation.Completed();
        };
    }

    private static RunResult run(List<String> accepted, KnownDeviations known) {
        Harness h = FakeHarness.of(Role.CLIENT, EnumSet.of(Capability.OBSERVABLE_COMPLETION,
                Capability.VERIFIES_SERVER_CERTIFICATE, Capability.HELLO_RETRY_REQUEST), f -> true,
                accepting(accepted));
        return new Runner(Catalogue.all(), OPTIONS, known).run("fake", List.of(h), l -> { });
    }

    private static CheckResult find(RunResult r, String id) {
        return r.checks().stream().filter(c -> c.check().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void policyAndRecommendationDeviationsAreAdvisoriesNotFailures() {
        RunResult r = run(List.of(POLICY, RECOMMENDED), KnownDeviations.none());
        CheckResult policy = find(r, POLICY);
        assertEquals(Verdict.ADVISORY, policy.verdict());
        assertTrue(policy.note().contains("CA/Browser Forum Baseline Requirements §6.1.5"), policy.note());
        assertTrue(policy.note().contains("not an RFC requirement"), policy.note());
        CheckResult sha1 = find(r, RECOMMENDED);
        assertEquals(Verdict.ADVISORY, sha1.verdict());
        assertTrue(sha1.note().contains("RFC 8446 §4.4.2.4") && sha1.note().contains("not a MUST"), sha1.note());
        assertEquals(2, r.count(Verdict.ADVISORY));
        assertEquals(0, r.count(Verdict.FAIL));
        assertFalse(r.hasNewDeviations(), "an advisory never makes the run fail");
    }

    @Test
    void aMustDeviationStillFailsBesideAnAdvisory() {
        RunResult r = run(List.of(POLICY, MUST), KnownDeviations.none());
        assertEquals(Verdict.FAIL, find(r, MUST).verdict());
        assertEquals(Verdict.ADVISORY, find(r, POLICY).verdict());
        assertTrue(r.hasNewDeviations());
    }

    @Test
    void aScenarioTheSuiteCouldNotPlayStaysAFailureOfAnAdvisoryCheck() {
        Harness h = FakeHarness.of(Role.CLIENT, EnumSet.of(Capability.OBSERVABLE_COMPLETION,
                Capability.VERIFIES_SERVER_CERTIFICATE, Capability.HELLO_RETRY_REQUEST), f -> true,
                s -> s.checkId().equals(POLICY) ? new Observation.NotPlayable("internal error in the test peer")
                        : accepting(List.of()).apply(s));
        RunResult r = new Runner(Catalogue.all(), OPTIONS, KnownDeviations.none()).run("fake", List.of(h), l -> { });
        assertEquals(Verdict.FAIL, find(r, POLICY).verdict(), "a suite error is no advisory of the target");
        assertTrue(r.hasNewDeviations());
    }

    @Test
    void aKnownEntryForAnAdvisoryCheckAddsItsReasonButStaysAdvisory() {
        KnownDeviations known = KnownDeviations.of(List.of(new KnownDeviation("fake", "client", POLICY,
                "accepts 1024-bit RSA on purpose")));
        CheckResult policy = find(run(List.of(POLICY), known), POLICY);
        assertEquals(Verdict.ADVISORY, policy.verdict());
        assertTrue(policy.note().startsWith("a policy (CA/Browser Forum Baseline Requirements §6.1.5"),
                policy.note());
        assertTrue(policy.note().endsWith("; known: accepts 1024-bit RSA on purpose"), policy.note());
    }

    @Test
    void everyReportShowsTheAdvisoryApartFromFailures(@TempDir Path dir) throws Exception {
        RunResult r = run(List.of(POLICY, MUST), KnownDeviations.none());

        StringWriter out = new StringWriter();
        ConsoleReport.print(r, new PrintWriter(out));
        String console = out.toString();
        assertTrue(console.contains("failed 1, known 0, advisory 1"), console);
        assertTrue(console.contains("advisories (1): not RFC deviations"), console);
        assertTrue(console.contains("ADVISORY " + POLICY + " [client] (RFC 8446 §6.2, policy)"), console);
        assertTrue(console.contains("DEVIATION " + MUST + " [client]"), console);
        assertFalse(console.contains("DEVIATION " + POLICY), console);

        ReportWriter.write(r, new TargetSpec("reference", null, null, null), dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(1, json.get("summary").get("advisory").asInt());
        assertEquals(1, json.get("summary").get("failed").asInt());
        JsonNode policy = null;
        for (JsonNode c : json.get("checks")) {
            if (c.get("id").asText().equals(POLICY)) {
                policy = c;
            }
            if (c.get("id").asText().equals(MUST)) {
                assertEquals("fail", c.get("verdict").asText());
                assertEquals("must", c.get("requirementKind").asText());
            }
        }
        assertEquals("advisory", policy.get("verdict").asText());
        assertEquals("policy", policy.get("requirementKind").asText());
        assertEquals("CA/Browser Forum Baseline Requirements §6.1.5; NIST SP 800-131A",
                policy.get("policySource").asText());
        assertEquals("handshake completed", policy.get("observed").asText());
        assertTrue(policy.has("replay"), "an advisory gets a replay file like any deviation");
        assertTrue(Files.exists(dir.resolve(policy.get("replay").asText())));

        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<span class=advisory>1 advisory</span>"), html);
        assertTrue(html.contains("<td class=advisory>advisory</td>"), html);
        assertTrue(html.contains("advisory because"), html);

        String junit = Files.readString(dir.resolve("junit").resolve("TEST-tlsconf.xml"));
        assertTrue(junit.contains("failures=\"1\""), "only the MUST deviation fails in CI: " + junit);
        assertTrue(junit.contains("<property name=\"advisory\" value=\"1\"/>"), junit);
        Matcher policyCase = Pattern.compile("<testcase [^>]*name=\"" + Pattern.quote(POLICY)
                + "\">(.*?)</testcase>", Pattern.DOTALL).matcher(junit);
        assertTrue(policyCase.find(), junit);
        assertFalse(policyCase.group(1).contains("<failure"), policyCase.group(1));
        assertFalse(policyCase.group(1).contains("<skipped"), policyCase.group(1));
        assertTrue(policyCase.group(1).contains("<system-out>advisory: a policy (CA/Browser Forum"),
                policyCase.group(1));
    }
}
