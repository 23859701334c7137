package dev.iolaus.server.report;

import dev.iolaus.model.Decision;
import dev.iolaus.model.Evidence;
import dev.iolaus.server.analyze.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes the campaign report of an {@link Analysis}: {@code campaigns.md}, {@code campaigns.html}, {@code campaigns.json}. */
public final class Reports {
    private Reports() {
    }

    /** Writes the three files into {@code dir} (created when missing) and returns their paths. */
    public static List<Path> write(Analysis a, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path md = dir.resolve("campaigns.md");
        Path html = dir.resolve("campaigns.html");
        Path json = dir.resolve("campaigns.json");
        Files.writeString(md, MarkdownReport.render(a));
        Files.writeString(html, HtmlReport.render(a));
        Files.writeString(json, JsonReport.render(a));
        return List.of(md, html, json);
    }

    /** The profile (or {@code cauterize}) that made a decision: its reason up to the first colon. */
    static String maker(Decision d) {
        String r = d.reason() == null ? "" : d.reason();
        int colon = r.indexOf(':');
        return colon > 0 ? r.substring(0, colon) : (d.detector() == null ? "?" : d.detector());
    }

    /** Decision counts by {@code maker / action / scope / enforced|shadow}, sorted. */
    static Map<String, Integer> tally(List<Decision> ds) {
        Map<String, Integer> out = new TreeMap<>();
        for (Decision d : ds) {
            out.merge(maker(d) + " / " + d.action().wire() + " / " + d.scope().wire() + " / "
                    + (d.shadow() ? "shadow" : "enforced"), 1, Integer::sum);
        }
        return out;
    }

    /** Evidence, strongest first. */
    static List<Evidence> strongest(List<Evidence> evidence, int max) {
        List<Evidence> out = new ArrayList<>(evidence);
        out.sort(Comparator.comparingDouble(Evidence::weight).reversed());
        return out.subList(0, Math.min(max, out.size()));
    }

    /** A value cut to {@code max} characters with an ellipsis. */
    static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
