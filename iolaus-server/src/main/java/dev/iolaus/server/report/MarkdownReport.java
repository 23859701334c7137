package dev.iolaus.server.report;

import dev.iolaus.model.Campaign;
import dev.iolaus.model.Evidence;
import dev.iolaus.server.analyze.Analysis;
import dev.iolaus.server.analyze.CampaignSummary;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** {@code campaigns.md}: the campaign report for people, one section per campaign. */
public final class MarkdownReport {
    static final int MAX_LISTED = 50;

    private MarkdownReport() {
    }

    /** The report as Markdown text. */
    public static String render(Analysis a) {
        StringBuilder b = new StringBuilder();
        b.append("# Iolaus campaign report\n\n");
        b.append("- Inputs: ").append(String.join(", ", a.inputs())).append('\n');
        b.append("- Detectors: ").append(String.join(", ", a.detectors())).append("; policy: ").append(a.policy())
                .append('\n');
        b.append("- Interactions from ").append(a.from()).append(" to ").append(a.to()).append('\n');
        b.append("- Read: interactions ").append(a.counts().interactions()).append("; accounts ")
                .append(a.counts().accounts()).append('\n');
        b.append("- Found: ").append(a.campaigns().size()).append(" campaigns, ").append(a.flagged().size())
                .append(" accounts flagged, ").append(a.decisions().size()).append(" decisions (")
                .append(a.stats().cauterized()).append(" accounts cauterized)\n\n");
        if (a.campaigns().isEmpty()) {
            b.append("No campaign was found.\n\n");
        } else {
            b.append("| campaign | accounts | interactions | output tokens | window | score | top evidence |\n");
            b.append("|---|---:|---:|---:|---|---:|---|\n");
            for (CampaignSummary s : a.campaigns()) {
                Campaign c = s.campaign();
                b.append("| ").append(md(c.id())).append(" | ").append(c.accounts().size()).append(" | ")
                        .append(c.interactions()).append(" | ").append(c.outputTokens()).append(" | ")
                        .append(c.firstSeen()).append(" – ").append(c.lastSeen()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", c.score())).append(" | ")
                        .append(md(Reports.strongest(c.evidence(), 1).stream().map(Evidence::text).findFirst()
                                .orElse(""))).append(" |\n");
            }
            b.append('\n');
        }
        for (CampaignSummary s : a.campaigns()) {
            section(b, s);
        }
        b.append("## Decisions\n\n");
        if (a.decisions().isEmpty()) {
            b.append("None.\n");
        } else {
            b.append("| made by / action / scope / mode | count |\n|---|---:|\n");
            Reports.tally(a.decisions()).forEach((k, v) -> b.append("| ").append(md(k)).append(" | ").append(v)
                    .append(" |\n"));
        }
        return b.toString();
    }

    private static void section(StringBuilder b, CampaignSummary s) {
        Campaign c = s.campaign();
        b.append("## Campaign ").append(md(c.id())).append("\n\n");
        b.append("- Detector: ").append(md(c.detector())).append(", score ")
                .append(String.format(Locale.ROOT, "%.3f", c.score())).append('\n');
        b.append("- Accounts: ").append(c.accounts().size()).append("; interactions: ").append(c.interactions())
                .append("; output tokens extracted: ").append(c.outputTokens()).append('\n');
        b.append("- Window: ").append(c.firstSeen()).append(" to ").append(c.lastSeen()).append('\n');
        b.append("- Capabilities targeted: ").append(c.capabilities().isEmpty() ? "unknown"
                : String.join(", ", c.capabilities())).append('\n');
        if (!s.cauterized().isEmpty()) {
            b.append("- Accounts cauterized (linked to it by strong evidence, not members): ")
                    .append(s.cauterized().size()).append('\n');
        }
        b.append("\nEvidence:\n\n");
        for (Evidence e : Reports.strongest(c.evidence(), Integer.MAX_VALUE)) {
            b.append("- ").append(md(e.text())).append(" (").append(code(e.kind())).append(", weight ")
                    .append(String.format(Locale.ROOT, "%.2f", e.weight())).append(")\n");
        }
        if (!s.ipPrefixes().isEmpty()) {
            b.append("\nNetwork prefixes of members (top 10): ");
            appendCounts(b, s.ipPrefixes(), 10);
        }
        for (Map.Entry<String, Map<String, Integer>> e : s.attributes().entrySet()) {
            b.append("\nShared ").append(md(e.getKey())).append(" (top 5): ");
            appendCounts(b, e.getValue(), 5);
        }
        b.append("\nAccounts");
        TreeSet<String> ids = new TreeSet<>(c.accounts());
        b.append(ids.size() > MAX_LISTED ? " (first " + MAX_LISTED + ")" : "").append(": ");
        b.append(String.join(", ", ids.stream().limit(MAX_LISTED).map(MarkdownReport::code).toList())).append("\n\n");
        if (!s.decisions().isEmpty()) {
            b.append("Decisions: ");
            StringBuilder t = new StringBuilder();
            Reports.tally(s.decisions()).forEach((k, v) -> t.append(t.isEmpty() ? "" : "; ").append(k).append(" × ")
                    .append(v));
            b.append(md(t.toString())).append("\n\n");
        }
    }

    private static void appendCounts(StringBuilder b, Map<String, Integer> m, int max) {
        StringBuilder t = new StringBuilder();
        m.entrySet().stream().limit(max).forEach(e -> t.append(t.isEmpty() ? "" : ", ")
                .append(code(Reports.cut(e.getKey(), 40))).append(" × ").append(e.getValue()));
        b.append(t).append('\n');
    }

    /** A code span: verbatim text, so nothing inside is escaped; backticks and pipes (tables) are replaced. */
    static String code(String s) {
        return "`" + (s == null ? "" : s.replace('`', '\'').replace("|", "¦").replace("\n", " ")) + "`";
    }

    /** Escapes the characters that would break a Markdown table or inline formatting. */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("*", "\\*")
                .replace("_", "\\_").replace("<", "&lt;");
    }
}
