package dev.iolaus.eval;

import dev.iolaus.eval.EvalReport.ArchetypeMetrics;
import dev.iolaus.eval.EvalReport.DetectorReport;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Renders {@code report.md}: separability, detectors side by side, per campaign, per benign archetype. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(EvalReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# iolaus eval: ").append(r.scenario()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "scale %s, seed %d, corpora `%s`%n%n", r.scale(), r.seed(), r.corpora()));
        separability(sb, r);
        sb.append("## Detectors side by side\n\n").append(ConsoleTable.markdown(r)).append('\n');
        sb.append("## Per campaign\n\n");
        sb.append("| detector | campaign | accounts | recall | first flag | 90% flagged | leakage (interactions) "
                + "| leakage (output tokens) | reserves blocked first |\n|---|---|---|---|---|---|---|---|---|\n");
        r.detectors().forEach((d, rep) -> rep.campaigns().forEach((id, c) -> sb.append(String.format(Locale.ROOT,
                "| %s | %s | %d | %s | %s | %s | %s | %s | %s |%n", d, id, c.accounts(), Fmt.pct(c.recall()),
                Fmt.dur(c.firstFlagS()), Fmt.dur(c.t90S()), Fmt.pct(c.leakageInteractions()),
                Fmt.pct(c.leakageOutputTokens()), Fmt.pct(c.reservesBlockedFirst())))));
        sb.append('\n');
        archetypes(sb, r);
        notes(sb, r);
        return sb.toString();
    }

    private static void separability(StringBuilder sb, EvalReport r) {
        sb.append("## Separability (AUC of the best one-field rule)\n\n");
        if (r.separability().isEmpty()) {
            sb.append("Not computed for this input.\n\n");
            return;
        }
        sb.append("| field | AUC | |\n|---|---|---|\n");
        for (Map.Entry<String, Double> e : r.separability().entrySet()) {
            boolean bad = e.getValue() != null && e.getValue() > EvalReport.SEPARABILITY_LIMIT;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", e.getKey(), Fmt.num(e.getValue(), 3),
                    bad ? "**> " + EvalReport.SEPARABILITY_LIMIT + ": scenario defect**" : "ok"));
        }
        sb.append('\n');
    }

    private static void archetypes(StringBuilder sb, EvalReport r) {
        TreeSet<String> names = new TreeSet<>();
        r.detectors().values().forEach(d -> names.addAll(d.archetypes().keySet()));
        if (names.isEmpty()) {
            return;
        }
        sb.append("## Per benign archetype (flagged / blocked)\n\n| archetype | accounts |");
        r.detectors().keySet().forEach(d -> sb.append(' ').append(d).append(" |"));
        sb.append("\n|---|---|");
        r.detectors().keySet().forEach(d -> sb.append("---|"));
        sb.append('\n');
        for (String a : names) {
            long n = 0;
            StringBuilder cells = new StringBuilder();
            for (DetectorReport d : r.detectors().values()) {
                ArchetypeMetrics m = d.archetypes().get(a);
                n = Math.max(n, m == null ? 0 : m.accounts());
                cells.append(' ').append(m == null ? "–" : Fmt.pct(m.flaggedRate()) + " / " + Fmt.pct(m.blockedRate()))
                        .append(" |");
            }
            sb.append("| ").append(a).append(" | ").append(n).append(" |").append(cells).append('\n');
        }
        sb.append('\n');
    }

    private static void notes(StringBuilder sb, EvalReport r) {
        StringBuilder n = new StringBuilder();
        r.detectors().forEach((d, rep) -> rep.notes().forEach(t -> n.append("- ").append(d).append(": ").append(t)
                .append('\n')));
        if (!n.isEmpty()) {
            sb.append("## Notes\n\n").append(n).append('\n');
        }
    }
}
