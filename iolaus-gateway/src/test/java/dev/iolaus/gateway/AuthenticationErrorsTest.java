package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unknown, revoked and expired keys get 401 and a wrong network 403, each in the shape of the API called. */
class AuthenticationErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String MSG = "{\"model\":\"c\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private final Rig rig = Rig.shared();

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static void assertOpenAiError(HttpResponse<byte[]> r, int status) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode e = json(r).get("error");
        assertThat(e).isNotNull();
        assertThat(e.fieldNames()).toIterable().containsExactly("message", "type", "param", "code");
        assertThat(r.headers().firstValue("x-iolaus-overhead-ms")).isPresent();
    }

    private static void assertAnthropicError(HttpResponse<byte[]> r, int status, String type) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode j = json(r);
        assertThat(j.path("type").asText()).isEqualTo("error");
        assertThat(j.path("error").path("type").asText()).isEqualTo(type);
        assertThat(j.path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void unknownKey_openAi_401InOpenAiShape() throws Exception {
        HttpResponse<byte[]> r = rig.post(rig.base() + "/v1/chat/completions", CHAT,
                "authorization", "Bearer iol-not-a-real-key");
        assertOpenAiError(r, 401);
        assertThat(json(r).path("error").path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(new String(r.body())).doesNotContain("iol-not-a-real-key");
    }

    @Test
    void missingKey_anthropic_401InAnthropicShape() throws Exception {
        assertAnthropicError(rig.post(rig.base() + "/v1/messages", MSG), 401, "authentication_error");
    }

    @Test
    void revokedKey_bothSdks_401() {
        String key = rig.key("acct-revoked");
        String id = rig.store.load().stream().filter(k -> k.account().equals("acct-revoked")).findFirst()
                .orElseThrow().id();
        rig.store.revoke(id);
        rig.keys.reload();

        assertThatThrownBy(() -> OpenAIOkHttpClient.builder().baseUrl(rig.base() + "/v1").apiKey(key).maxRetries(0)
                .build().chat().completions().create(ChatCompletionCreateParams.builder().model("m")
                        .addUserMessage("hi").build()))
                .isInstanceOf(UnauthorizedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
        assertThatThrownBy(() -> AnthropicOkHttpClient.builder().baseUrl(rig.base()).apiKey(key).maxRetries(0)
                .build().messages().create(MessageCreateParams.builder().model("c").maxTokens(5)
                        .addUserMessage("hi").build()))
                .isInstanceOf(com.anthropic.errors.UnauthorizedException.class);
        assertThat(rig.awaitCaptured(i -> "acct-revoked".equals(i.accountId()) && i.status() == 401).errorType())
                .isEqualTo("unauthorized");
    }

    @Test
    void expiredKey_401() throws Exception {
        String key = rig.key("acct-expired", Instant.now().minusSeconds(5), null, null, null);
        HttpResponse<byte[]> r = rig.post(rig.base() + "/v1/messages", MSG, "x-api-key", key);
        assertAnthropicError(r, 401, "authentication_error");
        assertThat(json(r).path("error").path("message").asText()).contains("expired");
    }

    @Test
    void allowedCidrMismatch_403_andMatch_200() throws Exception {
        String outside = rig.key("acct-cidr-out", null, List.of("10.0.0.0/8"), null, null);
        String inside = rig.key("acct-cidr-in", null, List.of("127.0.0.0/8", "::1/128"), null, null);

        assertThatThrownBy(() -> OpenAIOkHttpClient.builder().baseUrl(rig.base() + "/v1").apiKey(outside)
                .maxRetries(0).build().chat().completions().create(ChatCompletionCreateParams.builder().model("m")
                        .addUserMessage("hi").build()))
                .isInstanceOf(PermissionDeniedException.class);
        HttpResponse<byte[]> r = rig.post(rig.base() + "/v1/chat/completions", CHAT, "authorization", "Bearer " + outside);
        assertOpenAiError(r, 403);
        assertThat(json(r).path("error").path("code").asText()).isEqualTo("ip_not_allowed");
        assertThat(rig.post(rig.base() + "/v1/chat/completions", CHAT, "authorization", "Bearer " + inside)
                .statusCode()).isEqualTo(200);
        assertThat(rig.awaitCaptured(i -> "acct-cidr-out".equals(i.accountId())).errorType()).isEqualTo("ip_not_allowed");
    }

    @Test
    void xApiKeyHeader_onOpenAiPath_accepted() {
        String key = rig.key("acct-xapikey");
        assertThat(rig.post(rig.base() + "/v1/chat/completions", CHAT, "x-api-key", key).statusCode()).isEqualTo(200);
    }
}
