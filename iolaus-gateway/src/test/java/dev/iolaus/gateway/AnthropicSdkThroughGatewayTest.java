package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Interaction;
import org.junit.jupiter.api.Test;

/** The official anthropic-java SDK through the gateway to the fake upstream gets what it gets directly. */
class AnthropicSdkThroughGatewayTest {
    private final Rig rig = Rig.shared();

    private static AnthropicClient client(String base, String key) {
        return AnthropicOkHttpClient.builder().baseUrl(base).apiKey(key).maxRetries(0).build();
    }

    private static MessageCreateParams params(String prompt) {
        return MessageCreateParams.builder().model("claude-test").maxTokens(256).system("You are terse.")
                .addUserMessage(prompt).build();
    }

    private static String text(Message m) {
        return m.content().get(0).text().orElseThrow().text();
    }

    private static String streamed(AnthropicClient c, MessageCreateParams p) {
        StringBuilder sb = new StringBuilder();
        try (StreamResponse<RawMessageStreamEvent> s = c.messages().createStreaming(p)) {
            s.stream().forEach(e -> e.contentBlockDelta().flatMap(d -> d.delta().text())
                    .ifPresent(t -> sb.append(t.text())));
        }
        return sb.toString();
    }

    @Test
    void message_throughGateway_sameContentAsDirect() {
        String key = rig.key("acct-anthropic-1");
        Message via = client(rig.base(), key).messages().create(params("Hello there"));
        Message direct = client(rig.fakeBase(), "unused").messages().create(params("Hello there"));

        assertThat(text(via)).isEqualTo(text(direct)).isNotBlank();
        Interaction i = rig.awaitCaptured(x -> "acct-anthropic-1".equals(x.accountId()));
        assertThat(i.flavour()).isEqualTo(ApiFlavour.ANTHROPIC_MESSAGES);
        assertThat(i.systemMessage().text()).isEqualTo("You are terse.");
        assertThat(i.lastUserMessage().text()).isEqualTo("Hello there");
        assertThat(i.usage().outputTokens()).isEqualTo((int) direct.usage().outputTokens());
        assertThat(i.usage().inputTokens()).isEqualTo((int) direct.usage().inputTokens());
        assertThat(i.params().maxTokens()).isEqualTo(256);
    }

    @Test
    void messageStream_throughGateway_sameContentAndUsageCaptured() {
        String key = rig.key("acct-anthropic-2");
        String via = streamed(client(rig.base(), key), params("Stream please"));
        String direct = streamed(client(rig.fakeBase(), "unused"), params("Stream please"));

        assertThat(via).isEqualTo(direct).isNotBlank();
        Interaction i = rig.awaitCaptured(x -> "acct-anthropic-2".equals(x.accountId()));
        assertThat(i.params().streamed()).isTrue();
        assertThat(i.usage().outputTokens()).isEqualTo(12);
        assertThat(i.usage().inputTokens()).isPositive();
    }

    @Test
    void countTokens_throughGateway_capturedAsInputUsage() {
        String key = rig.key("acct-anthropic-3");
        long n = client(rig.base(), key).messages().countTokens(MessageCountTokensParams.builder()
                .model("claude-test").addUserMessage("count me").build()).inputTokens();

        assertThat(n).isPositive();
        Interaction i = rig.awaitCaptured(x -> "acct-anthropic-3".equals(x.accountId()));
        assertThat(i.flavour()).isEqualTo(ApiFlavour.ANTHROPIC_COUNT_TOKENS);
        assertThat(i.usage().inputTokens()).isEqualTo((int) n);
        assertThat(i.usage().outputTokens()).isZero();
        assertThat(i.messages()).extracting(m -> m.text()).containsExactly("count me");
    }
}
