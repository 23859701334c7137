package dev.iolaus.server.report;

import dev.iolaus.model.Campaign;
import dev.iolaus.model.Evidence;
import dev.iolaus.server.analyze.Analysis;
import dev.iolaus.server.analyze.CampaignSummary;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** {@code campaigns.html}: the campaign report as one self-contained page (inline style, no script, no fetch). */
public final class HtmlReport {
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:75em;padding:0 1em;color:#222}
            h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}
            th{background:#f3f3f3}td.n{text-align:right}code{background:#f6f6f6;padding:0 .2em}
            .muted{color:#666}.ev{margin:.2em 0}
            """;

    private HtmlReport() {
    }

    /** The report as an HTML document. */
    public static String render(Analysis a) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Iolaus campaign report</title><style>").append(STYLE).append("</style></head><body>\n");
        b.append("<h1>Iolaus campaign report</h1>\n<p class=\"muted\">Inputs: ").append(h(String.join(", ", a.inputs())))
                .append("<br>Detectors: ").append(h(String.join(", ", a.detectors()))).append("; policy: ")
                .append(h(a.policy())).append("<br>Interactions from ").append(h(a.from().toString())).append(" to ")
                .append(h(a.to().toString())).append("<br>Read: interactions ")
                .append(h(a.counts().interactions().toString())).append("; accounts ")
                .append(h(a.counts().accounts().toString())).append("</p>\n");
        b.append("<p>").append(a.campaigns().size()).append(" campaigns, ").append(a.flagged().size())
                .append(" accounts flagged, ").append(a.decisions().size()).append(" decisions, ")
                .append(a.stats().cauterized()).append(" accounts cauterized.</p>\n");
        if (!a.campaigns().isEmpty()) {
            b.append("<table><tr><th>campaign</th><th>accounts</th><th>interactions</th><th>output tokens</th>")
                    .append("<th>window</th><th>score</th></tr>\n");
            for (CampaignSummary s : a.campaigns()) {
                Campaign c = s.campaign();
                b.append("<tr><td><a href=\"#").append(h(anchor(c.id()))).append("\">").append(h(c.id()))
                        .append("</a></td><td class=\"n\">").append(c.accounts().size()).append("</td><td class=\"n\">")
                        .append(c.interactions()).append("</td><td class=\"n\">").append(c.outputTokens())
                        .append("</td><td>").append(h(c.firstSeen() + " – " + c.lastSeen())).append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%.2f", c.score())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        for (CampaignSummary s : a.campaigns()) {
            section(b, s);
        }
        b.append("<h2>Decisions</h2>\n");
        table(b, Reports.tally(a.decisions()), "made by / action / scope / mode", Integer.MAX_VALUE);
        return b.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder b, CampaignSummary s) {
        Campaign c = s.campaign();
        b.append("<h2 id=\"").append(h(anchor(c.id()))).append("\">Campaign ").append(h(c.id())).append("</h2>\n<p>")
                .append("Detector ").append(h(c.detector())).append(", score ")
                .append(String.format(Locale.ROOT, "%.3f", c.score())).append("<br>").append(c.accounts().size())
                .append(" accounts, ").append(c.interactions()).append(" interactions, ").append(c.outputTokens())
                .append(" output tokens extracted<br>Window: ").append(h(c.firstSeen() + " to " + c.lastSeen()))
                .append("<br>Capabilities targeted: ")
                .append(h(c.capabilities().isEmpty() ? "unknown" : String.join(", ", c.capabilities())));
        if (!s.cauterized().isEmpty()) {
            b.append("<br>Accounts cauterized (linked to it by strong evidence, not members): ").append(s.cauterized().size());
        }
        b.append("</p>\n<h3>Evidence</h3>\n");
        for (Evidence e : Reports.strongest(c.evidence(), Integer.MAX_VALUE)) {
            b.append("<p class=\"ev\">").append(h(e.text())).append(" <span class=\"muted\">(").append(h(e.kind()))
                    .append(", weight ").append(String.format(Locale.ROOT, "%.2f", e.weight())).append(")</span></p>\n");
        }
        if (!s.ipPrefixes().isEmpty()) {
            b.append("<h3>Network prefixes of members</h3>\n");
            table(b, s.ipPrefixes(), "prefix", 10);
        }
        for (Map.Entry<String, Map<String, Integer>> e : s.attributes().entrySet()) {
            b.append("<h3>Shared ").append(h(e.getKey())).append("</h3>\n");
            table(b, e.getValue(), "value", 5);
        }
        TreeSet<String> ids = new TreeSet<>(c.accounts());
        b.append("<details><summary>").append(ids.size()).append(" accounts</summary><p><code>")
                .append(h(String.join(", ", ids))).append("</code></p></details>\n");
        if (!s.decisions().isEmpty()) {
            b.append("<h3>Decisions</h3>\n");
            table(b, Reports.tally(s.decisions()), "made by / action / scope / mode", Integer.MAX_VALUE);
        }
    }

    private static void table(StringBuilder b, Map<String, Integer> m, String head, int max) {
        if (m.isEmpty()) {
            b.append("<p>None.</p>\n");
            return;
        }
        b.append("<table><tr><th>").append(h(head)).append("</th><th>count</th></tr>\n");
        m.entrySet().stream().limit(max).forEach(e -> b.append("<tr><td><code>").append(h(Reports.cut(e.getKey(), 80)))
                .append("</code></td><td class=\"n\">").append(e.getValue()).append("</td></tr>\n"));
        b.append("</table>\n");
    }

    private static String anchor(String id) {
        return "c-" + id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Escapes text for HTML content and attribute values. */
    static String h(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
