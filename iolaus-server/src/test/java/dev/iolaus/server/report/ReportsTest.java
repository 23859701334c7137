package dev.iolaus.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolaus.server.analyze.Analysis;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    private final Analysis a = AnalysisFixtures.twoCampaigns();

    @Test
    void json_holdsEveryCampaignWithItsFigures_andTheDecisions() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(a));

        JsonNode c = root.get("campaigns").get(0);
        assertThat(c.get("id").asText()).isEqualTo("c-templ");
        assertThat(c.get("accounts").asInt()).isEqualTo(3);
        assertThat(c.get("interactions").asLong()).isEqualTo(1200);
        assertThat(c.get("output_tokens").asLong()).isEqualTo(900_000);
        assertThat(c.get("first_seen").asText()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(c.get("capabilities").get(0).asText()).isEqualTo("coding");
        assertThat(c.get("evidence").get(0).get("kind").asText()).isEqualTo("shared_template");
        assertThat(c.get("cauterized_accounts").get(0).asText()).isEqualTo("r1");
        assertThat(c.get("decisions").get("cauterize / block / account / enforced").asInt()).isEqualTo(1);
        assertThat(root.get("decisions").get("total").asInt()).isEqualTo(2);
        assertThat(root.get("decisions").get("list").get(1).get("expires_at").isNull()).isTrue();
        assertThat(root.get("read").get("interactions").get("quarantined").asLong()).isEqualTo(2);
    }

    @Test
    void markdown_listsCampaigns_andEscapesTableBreakers() {
        String md = MarkdownReport.render(a);

        assertThat(md).contains("# Iolaus campaign report", "## Campaign c-templ", "## Campaign c-cot",
                "output tokens extracted: 900000", "Capabilities targeted: coding, reasoning",
                "Accounts cauterized (linked to it by strong evidence, not members): 1");
        assertThat(md).contains("9f2c01 &lt;b>\\|x\\|&lt;/b>", "(`shared_template`, weight 0.80)", "`a1`, `a2`, `a3`");
    }

    @Test
    void html_isSelfContained_andEscaped() {
        String html = HtmlReport.render(a);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "id=\"c-c-templ\"",
                "&lt;b&gt;|x|&lt;/b&gt;");
        assertThat(html).doesNotContain("<script", "<link", "src=\"http", "<b>|x|");
    }

    @Test
    void write_createsTheThreeFiles(@TempDir Path dir) throws Exception {
        Reports.write(a, dir.resolve("out"));

        assertThat(dir.resolve("out/campaigns.md")).isNotEmptyFile();
        assertThat(dir.resolve("out/campaigns.html")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("out/campaigns.json"))).contains("\"c-cot\"");
    }
}
