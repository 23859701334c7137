package dev.iolaus.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code report.json}, {@code report.md} and {@code report.html} into a directory. */
public final class ReportWriter {
    /** The JSON mapper of the report: snake_case keys, indented, nulls kept (a null metric means undefined). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReportWriter() {
    }

    /** Writes the three files, creating the directory; returns it. */
    public static Path write(EvalResult result, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.json"), json(result.report()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.md"), MarkdownReport.render(result.report()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), HtmlReport.render(result), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The report as JSON text. */
    public static String json(EvalReport report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
