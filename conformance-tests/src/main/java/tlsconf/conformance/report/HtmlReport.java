package tlsconf.conformance.report;

import java.util.Locale;
import java.util.Map;
import tlsconf.conformance.run.CheckResult;
import tlsconf.conformance.run.RunResult;
import tlsconf.conformance.run.Verdict;

/** report.html: one self-contained page (inline CSS, no scripts, no external resources). */
final class HtmlReport {
    private HtmlReport() {
    }

    static String render(RunResult run, Map<CheckResult, String> replayPaths) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>tlsconf report</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}")
                .append(".pass{color:#176b17}.fail{color:#b00;font-weight:bold}.known{color:#a60}")
                .append(".advisory{color:#2a5db0}")
                .append(".skipped{color:#777}pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap}")
                .append("</style></head><body>\n");
        b.append("<h1>tlsconf conformance report</h1>\n<p>Target: <b>").append(Text.xml(run.target()))
                .append("</b><br>Seed ").append(run.seed()).append(", profile ").append(run.profile().cliName())
                .append(", strictness ").append(run.strictness().cliName()).append("</p>\n");
        b.append(String.format(Locale.ROOT, "<p>%d checks (%d skipped), %d scenarios: <span class=pass>%d passed"
                        + "</span>, <span class=fail>%d failed</span>, <span class=known>%d known</span>, "
                        + "<span class=advisory>%d advisory</span> (not RFC deviations, not counted as failed). "
                        + "Duration %.2f s (setup %.2f s, playing %.2f s, shrinking %.2f s).</p>%n"
                        + "<p>Speed: <b>%.1f scenarios/s</b> (%s); %.1f scenarios/s overall.</p>%n",
                run.checks().size(), run.count(Verdict.SKIPPED), run.scenarios(), run.count(Verdict.PASS),
                run.count(Verdict.FAIL), run.count(Verdict.KNOWN), run.count(Verdict.ADVISORY),
                run.duration().toNanos() / 1e9,
                run.setup().toNanos() / 1e9, run.play().toNanos() / 1e9, run.shrink().toNanos() / 1e9,
                run.scenariosPerSecond(), Text.xml(RunResult.RATE_BASIS), run.scenariosPerSecondOverall()));
        b.append("<table><tr><th>verdict</th><th>check</th><th>role</th><th>TLS</th><th>requirement</th>")
                .append("<th>scenarios</th><th>note</th></tr>\n");
        for (CheckResult r : run.checks()) {
            String label = r.verdict().label();
            b.append("<tr><td class=").append(label).append('>').append(label).append("</td><td>");
            if (r.failure() != null) {
                b.append("<a href=\"#").append(Text.xml(anchor(r))).append("\">").append(Text.xml(r.check().id()))
                        .append("</a>");
            } else {
                b.append(Text.xml(r.check().id()));
            }
            b.append("</td><td>").append(r.role().cliName()).append("</td><td>").append(r.version().label())
                    .append("</td><td>").append(Text.xml(requirement(r))).append("</td><td>").append(r.scenarios())
                    .append("</td><td>").append(Text.xml(r.note() == null ? "" : r.note())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (CheckResult r : run.checks()) {
            if (r.failure() == null) {
                continue;
            }
            b.append("<h2 id=\"").append(Text.xml(anchor(r))).append("\" class=").append(r.verdict().label())
                    .append('>').append(Text.xml(r.displayName())).append(" (").append(r.verdict().label())
                    .append(")</h2>\n<p>").append(Text.xml(requirement(r))).append("</p>\n<table>")
                    .append(row("scenario", r.failure().scenario().describe()))
                    .append(row("expected", r.failure().scenario().expected().describe()))
                    .append(row("observed", r.failure().play().observation().describe()))
                    .append(row("strictness levels", r.failure().judgement().levelsSummary()))
                    .append(row("deviating scenarios", r.failedScenarios() + " of " + r.scenarios()));
            if (r.note() != null) {
                b.append(row(r.verdict() == Verdict.ADVISORY ? "advisory because" : "known because", r.note()));
            }
            if (replayPaths.containsKey(r)) {
                b.append(row("replay", "./tlsconf replay " + replayPaths.get(r)));
            }
            b.append("</table>\n<p>Trace of the (shrunk) first deviating scenario:</p><pre>")
                    .append(Text.xml(String.join("\n", r.failure().play().trace()))).append("</pre>\n");
            if (r.deviations().size() > 1) {
                b.append("<p>Deviating scenarios:</p><ul>");
                r.deviations().forEach(d -> b.append("<li>").append(Text.xml(d)).append("</li>"));
                b.append("</ul>\n");
            }
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    /** {@code RFC 8446 §6.2: ...}; a requirement that is not an RFC MUST says its kind: {@code (policy)}. */
    private static String requirement(CheckResult r) {
        tlsconf.conformance.check.Requirement q = r.check().requirement();
        return q.citation() + (q.advisory() ? " (" + q.kind().label() + ")" : "") + ": " + q.text();
    }

    private static String anchor(CheckResult r) {
        return r.fileKey() + "-" + r.version().label();
    }

    private static String row(String key, String value) {
        return "<tr><th>" + Text.xml(key) + "</th><td>" + Text.xml(value) + "</td></tr>";
    }
}
