package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolaus.gateway.config.GatewayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference configuration parses, defaults fill in, and bad values get a clear message. */
class GatewayConfigTest {

    @Test
    void referenceFile_parsesWithItsDefaults() {
        GatewayConfig c = GatewayConfig.load(Path.of("..", "gateway.reference.yaml"));
        assertThat(c.listen()).isEqualTo("127.0.0.1:8080");
        assertThat(c.effectiveLimits().keyRpm()).isEqualTo(600);
        assertThat(c.effectiveLimits().throttleFactor()).isEqualTo(0.1);
        assertThat(c.upstreams().anthropic().baseUrl()).isEqualTo("http://127.0.0.1:9000");
        assertThat(c.queueCapacity()).isEqualTo(65536);
    }

    @Test
    void noFileForm_defaults() {
        GatewayConfig c = GatewayConfig.of("127.0.0.1:8081", "http://127.0.0.1:9000", "./data");
        assertThat(c.upstreamTimeoutMs()).isEqualTo(120_000L);
        assertThat(c.journalPath()).isEqualTo(Path.of("./data/journal"));
    }

    @Test
    void unknownKey_errorNamesIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, "listen: 127.0.0.1:1\nupstreams: {openai: {base_url: http://x:1}}\nlimitz: {}\n");
        assertThatThrownBy(() -> GatewayConfig.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limitz");
    }

    @Test
    void badUpstreamUrl_clearError() {
        assertThatThrownBy(() -> GatewayConfig.of("127.0.0.1:1", "localhost:9000", "d"))
                .hasMessageContaining("upstreams.openai.base_url");
    }
}
