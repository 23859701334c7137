package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Role;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The official openai-java SDK through the gateway to the fake upstream gets what it gets directly. */
class OpenAiSdkThroughGatewayTest {
    private final Rig rig = Rig.shared();

    private static OpenAIClient client(String base, String key) {
        return OpenAIOkHttpClient.builder().baseUrl(base + "/v1").apiKey(key).maxRetries(0).build();
    }

    private static ChatCompletionCreateParams params(String prompt) {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addSystemMessage("Be brief.")
                .addUserMessage(prompt).temperature(0.2).build();
    }

    private static String streamed(OpenAIClient c, ChatCompletionCreateParams p) {
        StringBuilder sb = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> s = c.chat().completions().createStreaming(p)) {
            s.stream().forEach(ch -> ch.choices().forEach(x -> x.delta().content().ifPresent(sb::append)));
        }
        return sb.toString();
    }

    @Test
    void chatCompletion_throughGateway_sameContentAsDirect() {
        String key = rig.key("acct-openai-1");
        ChatCompletion via = client(rig.base(), key).chat().completions().create(params("What is a gateway?"));
        ChatCompletion direct = client(rig.fakeBase(), "unused").chat().completions().create(params("What is a gateway?"));

        assertThat(via.choices().get(0).message().content()).isEqualTo(direct.choices().get(0).message().content());
        assertThat(via.choices().get(0).message().content().orElseThrow()).isNotBlank();
        Interaction i = rig.awaitCaptured(x -> "acct-openai-1".equals(x.accountId()));
        assertThat(i.flavour()).isEqualTo(ApiFlavour.OPENAI_CHAT);
        assertThat(i.status()).isEqualTo(200);
        assertThat(i.model()).isEqualTo("gpt-4o-mini");
        assertThat(i.lastUserMessage().text()).isEqualTo("What is a gateway?");
        assertThat(i.systemMessage().text()).isEqualTo("Be brief.");
        assertThat(i.params().temperature()).isEqualTo(0.2);
        assertThat(i.usage().outputTokens()).isEqualTo(direct.usage().orElseThrow().completionTokens());
        assertThat(i.usage().inputTokens()).isPositive();
        assertThat(i.client().headerOrderHash()).isNotNull();
        assertThat(i.userAgent()).isNotBlank();
    }

    @Test
    void chatStream_withoutIncludeUsage_sameContentAndUsageStillCaptured() {
        String key = rig.key("acct-openai-2");
        String via = streamed(client(rig.base(), key), params("Stream me a sentence."));
        String direct = streamed(client(rig.fakeBase(), "unused"), params("Stream me a sentence."));

        assertThat(via).isEqualTo(direct).isNotBlank();
        Interaction i = rig.awaitCaptured(x -> "acct-openai-2".equals(x.accountId()));
        assertThat(i.params().streamed()).isTrue();
        assertThat(i.usage().outputTokens()).isEqualTo(12);
        assertThat(i.usage().inputTokens()).isPositive();
    }

    @Test
    void chatStream_rawBytes_identicalToDirectWithoutUsageChunk() {
        String key = rig.key("acct-openai-3");
        String body = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"bytes\"}]}";
        HttpResponse<byte[]> via = rig.post(rig.base() + "/v1/chat/completions", body, "authorization", "Bearer " + key);
        HttpResponse<byte[]> direct = rig.post(rig.fakeBase() + "/v1/chat/completions", body);

        assertThat(via.statusCode()).isEqualTo(200);
        assertThat(new String(via.body())).isEqualTo(new String(direct.body()));
        assertThat(new String(via.body())).doesNotContain("\"usage\"");
        assertThat(via.headers().firstValue("x-iolaus-overhead-ms")).isPresent();
        Interaction i = rig.awaitCaptured(x -> "acct-openai-3".equals(x.accountId()));
        assertThat(i.usage().outputTokens()).isEqualTo(12);
    }

    @Test
    void chatStream_clientAskedForUsage_receivesItUnchanged() {
        String key = rig.key("acct-openai-4");
        String body = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"usage please\"}]}";
        HttpResponse<byte[]> via = rig.post(rig.base() + "/v1/chat/completions", body, "authorization", "Bearer " + key);
        HttpResponse<byte[]> direct = rig.post(rig.fakeBase() + "/v1/chat/completions", body);

        assertThat(new String(via.body())).isEqualTo(new String(direct.body())).contains("\"prompt_tokens\"");
        assertThat(rig.awaitCaptured(x -> "acct-openai-4".equals(x.accountId())).usage().outputTokens()).isEqualTo(12);
    }

    @Test
    void otherOpenAiEndpoints_passThroughUnchanged_andAreCaptured() {
        String key = rig.key("acct-openai-5");
        String[][] calls = {
            {"/v1/completions", "{\"model\":\"m\",\"prompt\":\"complete this\"}"},
            {"/v1/completions", "{\"model\":\"m\",\"prompt\":\"complete this\",\"stream\":true}"},
            {"/v1/responses", "{\"model\":\"m\",\"instructions\":\"sys\",\"input\":\"respond\"}"},
            {"/v1/responses", "{\"model\":\"m\",\"input\":\"respond\",\"stream\":true}"},
            {"/v1/embeddings", "{\"model\":\"e\",\"input\":\"embed me\"}"},
        };
        for (String[] c : calls) {
            HttpResponse<byte[]> via = rig.post(rig.base() + c[0], c[1], "authorization", "Bearer " + key);
            HttpResponse<byte[]> direct = rig.post(rig.fakeBase() + c[0], c[1]);
            assertThat(via.statusCode()).as(c[0]).isEqualTo(200);
            assertThat(new String(via.body())).as(c[0] + " " + c[1]).isEqualTo(new String(direct.body()));
        }
        HttpResponse<byte[]> models = rig.get(rig.base() + "/v1/models", "authorization", "Bearer " + key);
        assertThat(new String(models.body())).contains("fake-model");
        Interaction listing = rig.awaitCaptured(x -> "acct-openai-5".equals(x.accountId())
                && x.flavour() == ApiFlavour.OPENAI_MODELS);
        assertThat(listing.messages()).isEmpty();

        Interaction resp = rig.awaitCaptured(x -> "acct-openai-5".equals(x.accountId())
                && x.flavour() == ApiFlavour.OPENAI_RESPONSES && x.params().streamed());
        assertThat(resp.usage().outputTokens()).isEqualTo(12);
        Interaction emb = rig.awaitCaptured(x -> "acct-openai-5".equals(x.accountId())
                && x.flavour() == ApiFlavour.OPENAI_EMBEDDINGS);
        assertThat(emb.usage().inputTokens()).isPositive();
        assertThat(emb.messages()).extracting(m -> m.role()).containsExactly(Role.USER);
        Interaction comp = rig.awaitCaptured(x -> "acct-openai-5".equals(x.accountId())
                && x.flavour() == ApiFlavour.OPENAI_COMPLETIONS && x.params().streamed());
        assertThat(comp.usage().outputTokens()).isEqualTo(12);
    }
}
