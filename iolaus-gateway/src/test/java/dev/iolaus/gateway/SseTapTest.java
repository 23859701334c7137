package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.gateway.capture.SseTap;
import dev.iolaus.gateway.capture.UsageMeter;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** Usage is read from streams split at any byte, and the added usage chunk is stripped exactly. */
class SseTapTest {
    private static final String WITH_USAGE = "data: {\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"hi\"}}],\"usage\":null}\n\n"
            + "data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":2}}}\n\ndata: [DONE]\n\n";
    private static final String WITHOUT = "data: {\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\n"
            + "data: [DONE]\n\n";

    private static String run(SseTap tap, String s, int step) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += step) {
            out.append(tap.process(Buffer.buffer(s.substring(i, Math.min(s.length(), i + step)))).toString());
        }
        return out.append(tap.flush().toString()).toString();
    }

    @Test
    void stripMode_anySplit_clientBytesAsWithoutOption_usageRead() {
        for (int step = 1; step < 40; step += 3) {
            UsageMeter m = new UsageMeter();
            assertThat(run(new SseTap(m, true), WITH_USAGE, step)).isEqualTo(WITHOUT);
            assertThat(m.usage().inputTokens()).isEqualTo(7);
            assertThat(m.usage().outputTokens()).isEqualTo(3);
            assertThat(m.usage().reasoningTokens()).isEqualTo(2);
        }
    }

    @Test
    void observeMode_forwardsUnchanged_readsAnthropicUsage() {
        String s = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"usage\":{\"output_tokens\":15}}\n\n";
        UsageMeter m = new UsageMeter();
        assertThat(run(new SseTap(m, false), s, 7)).isEqualTo(s);
        assertThat(m.usage().inputTokens()).isEqualTo(9);
        assertThat(m.usage().outputTokens()).isEqualTo(15);
    }
}
