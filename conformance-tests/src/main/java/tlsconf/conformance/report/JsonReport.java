package tlsconf.conformance.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import tlsconf.conformance.check.Requirement;
import tlsconf.conformance.run.CheckResult;
import tlsconf.conformance.run.RunResult;
import tlsconf.conformance.run.Verdict;
import tlsconf.conformance.verdict.Strictness;

/**
 * report.json. The schema (also in conformance-tests/README.md): the CLI.md fields ({@code target}, {@code
 * summary.{checks,scenarios,passed,failed,known,durationSeconds}}, {@code checks[].{id,rfc,section,requirement,
 * scenarios,verdict,expected,observed,replay}}) plus {@code seed}, {@code profile}, {@code strictness}, {@code
 * summary.{advisory,skipped,setupSeconds,playSeconds,shrinkSeconds,scenariosPerSecond,scenariosPerSecondBasis,
 * scenariosPerSecondOverall}} (the rate is scenarios / playSeconds, see {@link RunResult#RATE_BASIS}) and per check
 * {@code family, requirementKind (must|recommended|policy), policySource (policy checks), role, version,
 * failedScenarios, scenario, strictnessLevels, note, trace}. A check's {@code verdict} is {@code
 * pass|fail|known|advisory|skipped}; {@code advisory} (the target did not follow a recommendation or a policy, not
 * an RFC MUST) is counted in {@code summary.advisory}, never in {@code failed}.
 */
final class JsonReport {
    private JsonReport() {
    }

    static String render(RunResult run, Map<CheckResult, String> replayPaths) throws java.io.IOException {
        ObjectNode root = ReplayFile.MAPPER.createObjectNode();
        root.put("tool", "tlsconf 0.1.0");
        root.put("target", run.target());
        root.put("seed", run.seed());
        root.put("profile", run.profile().cliName());
        root.put("strictness", run.strictness().cliName());
        ObjectNode summary = root.putObject("summary");
        summary.put("checks", run.checks().size());
        summary.put("scenarios", run.scenarios());
        summary.put("passed", run.count(Verdict.PASS));
        summary.put("failed", run.count(Verdict.FAIL));
        summary.put("known", run.count(Verdict.KNOWN));
        summary.put("advisory", run.count(Verdict.ADVISORY));
        summary.put("skipped", run.count(Verdict.SKIPPED));
        summary.put("durationSeconds", Math.round(run.duration().toMillis()) / 1000.0);
        summary.put("setupSeconds", Math.round(run.setup().toMillis()) / 1000.0);
        summary.put("playSeconds", Math.round(run.play().toMillis()) / 1000.0);
        summary.put("shrinkSeconds", Math.round(run.shrink().toMillis()) / 1000.0);
        summary.put("scenariosPerSecond", Math.round(run.scenariosPerSecond() * 10) / 10.0);
        summary.put("scenariosPerSecondBasis", RunResult.RATE_BASIS);
        summary.put("scenariosPerSecondOverall", Math.round(run.scenariosPerSecondOverall() * 10) / 10.0);
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : run.checks()) {
            ObjectNode c = checks.addObject();
            c.put("id", r.check().id());
            c.put("family", r.check().family());
            c.put("rfc", r.check().requirement().rfc());
            c.put("section", r.check().requirement().section());
            c.put("requirement", r.check().requirement().text());
            c.put("requirementKind", r.check().requirement().kind().label());
            if (r.check().requirement().kind() instanceof Requirement.Policy p) {
                c.put("policySource", p.source());
            }
            c.put("target", r.targetName());
            c.put("role", r.role().cliName());
            c.put("version", r.version().label());
            c.put("scenarios", r.scenarios());
            c.put("failedScenarios", r.failedScenarios());
            c.put("verdict", r.verdict().label());
            if (r.failure() != null) {
                c.put("expected", r.failure().scenario().expected().describe());
                c.put("observed", r.failure().play().observation().describe());
                c.put("scenario", r.failure().scenario().describe());
                ObjectNode levels = c.putObject("strictnessLevels");
                for (Strictness s : Strictness.values()) {
                    levels.put(s.cliName(), r.failure().judgement().atEachLevel().get(s) ? "pass" : "fail");
                }
                c.set("trace", ReplayFile.MAPPER.valueToTree(r.failure().play().trace()));
                c.set("deviations", ReplayFile.MAPPER.valueToTree(r.deviations()));
            } else {
                c.put("expected", r.check().expectedReaction());
                c.put("observed", r.verdict() == Verdict.PASS ? "as expected in every scenario" : "not run");
            }
            if (replayPaths.containsKey(r)) {
                c.put("replay", replayPaths.get(r));
            }
            if (r.note() != null) {
                c.put("note", r.note());
            }
        }
        return ReplayFile.MAPPER.writeValueAsString(root);
    }
}
