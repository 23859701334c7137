package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Metadata;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Interaction;
import org.junit.jupiter.api.Test;

/**
 * The end user a reseller names through the official SDKs (OpenAI {@code safety_identifier} / {@code user},
 * Anthropic {@code metadata.user_id}) is captured on the interaction, whose principal becomes the sub-account.
 */
class EndUserCaptureTest {
    private final Rig rig = Rig.shared();

    private OpenAIClient openAi(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(rig.base() + "/v1").apiKey(key).maxRetries(0).build();
    }

    private static ChatCompletionCreateParams.Builder chat(String prompt) {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage(prompt);
    }

    private Interaction captured(String account) {
        return rig.awaitCaptured(x -> account.equals(x.accountId()));
    }

    @Test
    void openAiChat_safetyIdentifierAndUser_safetyIdentifierCaptured() {
        String key = rig.key("acct-eu-openai-1");
        openAi(key).chat().completions().create(chat("hi").user("legacy-7").safetyIdentifier("sid-9").build());

        Interaction i = captured("acct-eu-openai-1");
        assertThat(i.endUserId()).isEqualTo("sid-9");
        assertThat(i.principal()).isEqualTo("acct-eu-openai-1~sid-9");
    }

    @Test
    void openAiChat_legacyUserOnly_userCaptured() {
        String key = rig.key("acct-eu-openai-2");
        openAi(key).chat().completions().create(chat("hi").user("legacy-7").build());

        assertThat(captured("acct-eu-openai-2").endUserId()).isEqualTo("legacy-7");
    }

    @Test
    void openAiChatStream_user_capturedFromTheUsageOptInParse() {
        // A stream without include_usage is parsed as a tree on the event loop (to add the option); capture reuses it.
        String key = rig.key("acct-eu-openai-3");
        try (StreamResponse<ChatCompletionChunk> s = openAi(key).chat().completions()
                .createStreaming(chat("stream").user("streamer-1").build())) {
            s.stream().forEach(c -> { });
        }

        Interaction i = captured("acct-eu-openai-3");
        assertThat(i.params().streamed()).isTrue();
        assertThat(i.endUserId()).isEqualTo("streamer-1");
    }

    @Test
    void openAiResponses_safetyIdentifier_captured() {
        String key = rig.key("acct-eu-openai-4");
        openAi(key).responses().create(ResponseCreateParams.builder().model("gpt-4o-mini").input("respond")
                .safetyIdentifier("sid-r").build());

        Interaction i = captured("acct-eu-openai-4");
        assertThat(i.flavour()).isEqualTo(ApiFlavour.OPENAI_RESPONSES);
        assertThat(i.endUserId()).isEqualTo("sid-r");
    }

    @Test
    void anthropicMessage_metadataUserId_captured() {
        String key = rig.key("acct-eu-anthropic-1");
        AnthropicOkHttpClient.builder().baseUrl(rig.base()).apiKey(key).maxRetries(0).build().messages()
                .create(MessageCreateParams.builder().model("claude-test").maxTokens(64).addUserMessage("hi")
                        .metadata(Metadata.builder().userId("customer-42").build()).build());

        Interaction i = captured("acct-eu-anthropic-1");
        assertThat(i.flavour()).isEqualTo(ApiFlavour.ANTHROPIC_MESSAGES);
        assertThat(i.endUserId()).isEqualTo("customer-42");
        assertThat(i.principal()).isEqualTo("acct-eu-anthropic-1~customer-42");
    }

    @Test
    void callNamingNobody_principalIsTheAccount() {
        String key = rig.key("acct-eu-none");
        openAi(key).chat().completions().create(chat("hi").build());

        Interaction i = captured("acct-eu-none");
        assertThat(i.endUserId()).isNull();
        assertThat(i.principal()).isEqualTo("acct-eu-none");
    }
}
