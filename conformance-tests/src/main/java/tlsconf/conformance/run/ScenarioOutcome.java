package tlsconf.conformance.run;

import tlsconf.conformance.scenario.Scenario;
import tlsconf.conformance.verdict.Judgement;
import tlsconf.conformance.verdict.PlayResult;

/** One scenario played and judged. */
public record ScenarioOutcome(Scenario scenario, PlayResult play, Judgement judgement) {
    public boolean passed() {
        return judgement.passed();
    }
}
