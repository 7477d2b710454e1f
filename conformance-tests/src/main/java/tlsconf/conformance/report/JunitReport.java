package tlsconf.conformance.report;

import java.util.Locale;
import tlsconf.conformance.run.CheckResult;
import tlsconf.conformance.run.RunResult;
import tlsconf.conformance.run.Verdict;

/**
 * junit/TEST-tlsconf.xml: one test case per check result, for CI systems that read JUnit XML.
 *
 * <p>An advisory (the target did not follow an RFC recommendation or a policy from outside the RFC) is a passed
 * test case whose system-out starts with {@code advisory:}. JUnit XML has no "warning" outcome: a {@code failure}
 * would turn the build red for something that is not an RFC deviation (and contradict the exit status 0), and
 * {@code skipped} would claim the check did not run. A passed case keeps CI green, as the exit status does, while
 * every CI viewer that shows system-out (Jenkins, GitLab, GitHub test reporters) shows the advisory and its
 * evidence; the count is the suite property {@code advisory}.
 */
final class JunitReport {
    private JunitReport() {
    }

    static String render(RunResult run) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT,
                "<testsuite name=\"tlsconf\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" errors=\"0\" time=\"%.3f\">%n",
                run.checks().size(), run.count(Verdict.FAIL), run.count(Verdict.SKIPPED),
                run.duration().toMillis() / 1000.0));
        b.append("  <properties>\n");
        b.append("    <property name=\"target\" value=\"").append(Text.xml(run.target())).append("\"/>\n");
        b.append("    <property name=\"seed\" value=\"").append(run.seed()).append("\"/>\n");
        b.append("    <property name=\"strictness\" value=\"").append(run.strictness().cliName()).append("\"/>\n");
        b.append("    <property name=\"advisory\" value=\"").append(run.count(Verdict.ADVISORY)).append("\"/>\n");
        b.append("  </properties>\n");
        for (CheckResult r : run.checks()) {
            b.append("  <testcase classname=\"tlsconf.").append(Text.xml(r.targetName())).append('.')
                    .append(r.role().cliName()).append(".tls").append(r.version().label().replace(".", ""))
                    .append("\" name=\"").append(Text.xml(r.check().id())).append("\">\n");
            switch (r.verdict()) {
                case FAIL -> b.append("    <failure message=\"").append(Text.xml(failureLine(r))).append("\">")
                        .append(Text.xml(details(r))).append("</failure>\n");
                case SKIPPED -> b.append("    <skipped message=\"").append(Text.xml(r.note())).append("\"/>\n");
                case KNOWN -> b.append("    <system-out>").append(Text.xml("known deviation: " + r.note() + "\n"
                        + details(r))).append("</system-out>\n");
                case ADVISORY -> b.append("    <system-out>").append(Text.xml("advisory: " + r.note() + "\n"
                        + (r.failure() == null ? "" : details(r)))).append("</system-out>\n");
                case PASS -> b.append("    <system-out>").append(r.scenarios()).append(" scenario(s) passed")
                        .append("</system-out>\n");
            }
            b.append("  </testcase>\n");
        }
        b.append("</testsuite>\n");
        return b.toString();
    }

    static String failureLine(CheckResult r) {
        return r.check().requirement().citation() + ": expected " + r.failure().scenario().expected().describe()
                + ", observed " + r.failure().play().observation().describe();
    }

    static String details(CheckResult r) {
        return r.check().requirement().citation() + ": " + r.check().requirement().text() + "\n"
                + "scenario: " + r.failure().scenario().describe() + "\n"
                + "expected: " + r.failure().scenario().expected().describe() + "\n"
                + "observed: " + r.failure().play().observation().describe() + "\n"
                + "strictness levels: " + r.failure().judgement().levelsSummary() + "\n"
                + "trace:\n  " + String.join("\n  ", r.failure().play().trace()) + "\n";
    }
}
