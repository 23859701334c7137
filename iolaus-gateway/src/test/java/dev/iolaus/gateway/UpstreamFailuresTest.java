package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.iolaus.model.Interaction;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Upstream 5xx, timeout and reset mid-stream: well-formed client errors, and interactions recording the failure. */
class UpstreamFailuresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Rig rig = Rig.shared();

    private HttpResponse<byte[]> chat(String key, String model, boolean stream) {
        return rig.post(rig.base() + "/v1/chat/completions", "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "authorization", "Bearer " + key);
    }

    @Test
    void upstream500_passedThroughAsJsonError_recorded() throws Exception {
        String key = rig.key("acct-5xx");
        HttpResponse<byte[]> r = chat(key, "fail-500", false);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(r.body()).path("error").path("message").asText()).isNotBlank();
        assertThatThrownBy(() -> OpenAIOkHttpClient.builder().baseUrl(rig.base() + "/v1").apiKey(key).maxRetries(0)
                .build().chat().completions().create(ChatCompletionCreateParams.builder().model("fail-500")
                        .addUserMessage("hi").build()))
                .isInstanceOf(InternalServerException.class);
        Interaction i = rig.awaitCaptured(x -> "acct-5xx".equals(x.accountId()));
        assertThat(i.status()).isEqualTo(500);
        assertThat(i.errorType()).isEqualTo("upstream_error");
    }

    @Test
    void upstreamTimeout_504InApiShape_recorded() throws Exception {
        String key = rig.key("acct-timeout");
        HttpResponse<byte[]> r = rig.post(rig.base() + "/v1/messages", "{\"model\":\"fail-timeout\",\"max_tokens\":5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "x-api-key", key);
        assertThat(r.statusCode()).isEqualTo(504);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.path("type").asText()).isEqualTo("error");
        assertThat(j.path("error").path("type").asText()).isEqualTo("api_error");
        Interaction i = rig.awaitCaptured(x -> "acct-timeout".equals(x.accountId()));
        assertThat(i.status()).isEqualTo(504);
        assertThat(i.errorType()).isEqualTo("upstream_timeout");
    }

    @Test
    void resetMidStream_openAi_streamEndsWithErrorEvent_recorded() {
        String key = rig.key("acct-reset-oa");
        HttpResponse<byte[]> r = chat(key, "fail-reset", true);
        String body = new String(r.body());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body).contains("chat.completion.chunk");
        assertThat(body.strip()).endsWith("}}");
        assertThat(body.substring(body.lastIndexOf("data: "))).contains("\"error\"").contains("\"upstream_error\"");
        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> s = OpenAIOkHttpClient.builder().baseUrl(rig.base() + "/v1")
                    .apiKey(key).maxRetries(0).build().chat().completions().createStreaming(
                            ChatCompletionCreateParams.builder().model("fail-reset").addUserMessage("hi").build())) {
                s.stream().forEach(c -> { });
            }
        }).isInstanceOf(RuntimeException.class);
        Interaction i = rig.awaitCaptured(x -> "acct-reset-oa".equals(x.accountId()));
        assertThat(i.status()).isEqualTo(502);
        assertThat(i.errorType()).isEqualTo("upstream_reset");
    }

    @Test
    void resetMidStream_anthropic_sdkSeesErrorEvent() {
        String key = rig.key("acct-reset-an");
        assertThatThrownBy(() -> {
            try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> s = AnthropicOkHttpClient.builder().baseUrl(rig.base())
                    .apiKey(key).maxRetries(0).build().messages().createStreaming(MessageCreateParams.builder()
                            .model("fail-reset").maxTokens(50).addUserMessage("hi").build())) {
                s.stream().forEach(e -> { });
            }
        }).isInstanceOf(RuntimeException.class);
        assertThat(rig.awaitCaptured(x -> "acct-reset-an".equals(x.accountId())).errorType()).isEqualTo("upstream_reset");
    }

    @Test
    void resetMidBody_nonStreaming_clientSeesFailedRead_recorded() {
        String key = rig.key("acct-reset-json");
        assertThatThrownBy(() -> chat(key, "fail-reset", false)).isInstanceOf(RuntimeException.class);
        assertThat(rig.awaitCaptured(x -> "acct-reset-json".equals(x.accountId())).errorType())
                .isEqualTo("upstream_reset");
    }

    @Test
    void upstreamDown_502InApiShape() throws Exception {
        Rig down = new Rig(null, 1_000);
        down.fake.close();
        try {
            String key = down.key("acct-down");
            HttpResponse<byte[]> r = down.post(down.base() + "/v1/chat/completions",
                    "{\"model\":\"m\",\"messages\":[]}", "authorization", "Bearer " + key);
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(r.body()).path("error").path("code").asText()).isEqualTo("upstream_error");
            assertThat(down.awaitCaptured(x -> "acct-down".equals(x.accountId())).errorType())
                    .isEqualTo("upstream_unavailable");
        } finally {
            down.gateway.close();
        }
    }
}
