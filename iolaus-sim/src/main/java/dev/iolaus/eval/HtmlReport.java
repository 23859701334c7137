package dev.iolaus.eval;

import dev.iolaus.eval.EvalReport.DetectorReport;
import dev.iolaus.eval.EvalReport.PrPoint;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS and SVG, no script) with the Markdown tables'
 * numbers, a PR curve per detector and a detection timeline per detector (attack and benign traffic served per
 * simulated hour, and cumulative flagged attacker and benign accounts).
 */
final class HtmlReport {
    private static final int W = 360;
    private static final int H = 220;
    private static final int PAD = 36;

    private HtmlReport() {
    }

    static String render(EvalResult result) {
        EvalReport r = result.report();
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>iolaus eval: ").append(esc(r.scenario()))
                .append("</title><style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}"
                        + ".bad{color:#b00;font-weight:bold}.plots{display:flex;flex-wrap:wrap;gap:16px}"
                        + "figure{margin:0}figcaption{font-weight:bold}svg text{font-size:10px}</style></head><body>");
        sb.append("<h1>iolaus eval: ").append(esc(r.scenario())).append("</h1><p>")
                .append(String.format(Locale.ROOT, "scale %s, seed %d, corpora <code>%s</code>", r.scale(), r.seed(),
                        esc(r.corpora())))
                .append("</p>");
        separability(sb, r);
        sb.append("<h2>Detectors side by side</h2><table><tr><th>detector</th><th>precision</th><th>recall</th>"
                + "<th>F1</th><th>FPR</th><th>AP</th><th>leakage (interactions)</th><th>leakage (output tokens)</th>"
                + "<th>throughput</th><th>peak heap MB</th></tr>");
        r.detectors().forEach((n, d) -> sb.append(String.format(Locale.ROOT,
                "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                        + "<td>%s</td><td>%.0f</td></tr>", esc(n), Fmt.num(d.accounts().precision(), 3),
                Fmt.num(d.accounts().recall(), 3), Fmt.num(d.accounts().f1(), 3), Fmt.num(d.accounts().fpr(), 4),
                Fmt.num(d.averagePrecision(), 3), Fmt.pct(ConsoleTable.meanLeakage(d, false)),
                Fmt.pct(ConsoleTable.meanLeakage(d, true)), Fmt.rate(d.throughputPerS()), d.peakHeapMb())));
        sb.append("</table><h2>Precision-recall curves</h2><div class=\"plots\">");
        r.detectors().forEach((n, d) -> sb.append(prCurve(n, d)));
        sb.append("</div><h2>Detection timeline</h2><p>Per simulated hour, each scaled to its own maximum: "
                + "<span style=\"color:#c0392b\">&#9632; attack calls served</span>, "
                + "<span style=\"color:#999\">&#9632; benign calls served</span>; cumulative "
                + "<span style=\"color:#1f5fbf\">&#9632; flagged attacker accounts</span> and "
                + "<span style=\"color:#e67e22\">&#9632; flagged benign accounts</span> (shared scale, its maximum "
                + "top right).</p><div class=\"plots\">");
        long[] span = span(result);
        result.runs().forEach((n, run) -> sb.append(timeline(n, run.ledger().timeline(), span)));
        sb.append("</div></body></html>\n");
        return sb.toString();
    }

    private static void separability(StringBuilder sb, EvalReport r) {
        sb.append("<h2>Separability (AUC of the best one-field rule)</h2>");
        if (r.separability().isEmpty()) {
            sb.append("<p>Not computed for this input.</p>");
            return;
        }
        sb.append("<table><tr><th>field</th><th>AUC</th></tr>");
        r.separability().forEach((f, v) -> {
            boolean bad = v != null && v > EvalReport.SEPARABILITY_LIMIT;
            sb.append("<tr><td>").append(esc(f)).append("</td><td").append(bad ? " class=\"bad\"" : "").append('>')
                    .append(Fmt.num(v, 3)).append(bad ? " (scenario defect)" : "").append("</td></tr>");
        });
        sb.append("</table>");
    }

    static String prCurve(String name, DetectorReport d) {
        StringBuilder sb = new StringBuilder("<figure><figcaption>").append(esc(name)).append(" (AP ")
                .append(Fmt.num(d.averagePrecision(), 3)).append(")</figcaption>");
        sb.append(frame("recall", "precision", "1"));
        List<PrPoint> pts = d.prCurve();
        if (!pts.isEmpty()) {
            StringBuilder path = new StringBuilder();
            double prevRecall = 0;
            for (PrPoint p : pts) {
                // Step shape: precision holds until recall moves.
                path.append(path.isEmpty() ? "M" : " L").append(x(prevRecall)).append(',').append(y(p.precision()));
                path.append(" L").append(x(p.recall())).append(',').append(y(p.precision()));
                prevRecall = p.recall();
            }
            sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\"/>");
        }
        return sb.append("</svg></figure>").toString();
    }

    static String timeline(String name, NavigableMap<Long, Ledger.Bucket> tl, long[] span) {
        StringBuilder sb = new StringBuilder("<figure><figcaption>").append(esc(name)).append("</figcaption>");
        sb.append(frame(span[1] > span[0] ? Instant.ofEpochMilli(span[0]).toString().substring(0, 10) + " .. "
                + Instant.ofEpochMilli(span[1]).toString().substring(0, 10) : "simulated time", "", "max"));
        double maxAttack = 1;
        double maxBenign = 1;
        long attackFlags = 0;
        long benignFlags = 0;
        for (Ledger.Bucket b : tl.values()) {
            maxAttack = Math.max(maxAttack, b.attackServed);
            maxBenign = Math.max(maxBenign, b.benignServed);
            attackFlags += b.attackFlags;
            benignFlags += b.benignFlags;
        }
        double maxFlags = Math.max(1, Math.max(attackFlags, benignFlags));
        StringBuilder attack = new StringBuilder();
        StringBuilder benign = new StringBuilder();
        StringBuilder fa = new StringBuilder();
        StringBuilder fb = new StringBuilder();
        long ca = 0;
        long cb = 0;
        double width = Math.max(1, span[1] - span[0]);
        for (Map.Entry<Long, Ledger.Bucket> e : tl.entrySet()) {
            double fx = (e.getKey() - span[0]) / width;
            Ledger.Bucket b = e.getValue();
            ca += b.attackFlags;
            cb += b.benignFlags;
            point(attack, fx, b.attackServed / maxAttack);
            point(benign, fx, b.benignServed / maxBenign);
            point(fa, fx, ca / maxFlags);
            point(fb, fx, cb / maxFlags);
        }
        line(sb, benign, "#aaa", 1);
        line(sb, attack, "#c0392b", 1);
        line(sb, fa, "#1f5fbf", 2);
        line(sb, fb, "#e67e22", 2);
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f flagged</text>",
                W - 2, PAD - 4, maxFlags));
        return sb.append("</svg></figure>").toString();
    }

    private static long[] span(EvalResult result) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (DetectorRun run : result.runs().values()) {
            if (!run.ledger().timeline().isEmpty()) {
                lo = Math.min(lo, run.ledger().timeline().firstKey());
                hi = Math.max(hi, run.ledger().timeline().lastKey());
            }
        }
        return lo == Long.MAX_VALUE ? new long[] {0, 1} : new long[] {lo, hi};
    }

    private static String frame(String xLabel, String yLabel, String top) {
        return String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
                        + "stroke=\"#999\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                        + "<text x=\"10\" y=\"%d\" transform=\"rotate(-90 10 %d)\" text-anchor=\"middle\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\">0</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                W, H, W, H, PAD, PAD, W - 2 * PAD, H - 2 * PAD, W / 2, H - 8, esc(xLabel), H / 2, H / 2, esc(yLabel),
                PAD - 10, H - PAD + 12, PAD - 4, PAD + 4, esc(top));
    }

    private static void point(StringBuilder path, double fx, double fy) {
        path.append(path.isEmpty() ? "M" : " L").append(x(fx)).append(',').append(y(fy));
    }

    private static void line(StringBuilder sb, StringBuilder path, String color, int width) {
        if (!path.isEmpty()) {
            sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"").append(width).append("\"/>");
        }
    }

    private static String x(double f) {
        return String.format(Locale.ROOT, "%.1f", PAD + f * (W - 2 * PAD));
    }

    private static String y(double f) {
        return String.format(Locale.ROOT, "%.1f", H - PAD - f * (H - 2 * PAD));
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
