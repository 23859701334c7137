package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.iolaus.gateway.config.GatewayConfig;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests and tokens per minute, per key, account and IP: 429 with Retry-After in the API's shape. */
class RateLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String MSG = "{\"model\":\"c\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static Rig ipLimited;

    @BeforeAll
    static void start() {
        ipLimited = new Rig(new GatewayConfig.LimitsConfig(null, null, null, null, 3L, null, null, null, null), 1_000);
    }

    @AfterAll
    static void stop() {
        ipLimited.gateway.close();
        ipLimited.fake.close();
    }

    @Test
    void keyRequestsPerMinute_exceeded_429WithRetryAfterInOpenAiShape() throws Exception {
        Rig rig = Rig.shared();
        String key = rig.key("acct-rpm", null, null, 2L, null);
        for (int i = 0; i < 2; i++) {
            assertThat(rig.post(rig.base() + "/v1/chat/completions", CHAT, "authorization", "Bearer " + key)
                    .statusCode()).isEqualTo(200);
        }
        HttpResponse<byte[]> r = rig.post(rig.base() + "/v1/chat/completions", CHAT, "authorization", "Bearer " + key);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(r.headers().firstValue("retry-after").orElseThrow())).isBetween(1L, 60L);
        JsonNode e = JSON.readTree(r.body()).get("error");
        assertThat(e.path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(e.path("type").asText()).isEqualTo("rate_limit_error");
        assertThatThrownBy(() -> OpenAIOkHttpClient.builder().baseUrl(rig.base() + "/v1").apiKey(key).maxRetries(0)
                .build().chat().completions().create(ChatCompletionCreateParams.builder().model("m")
                        .addUserMessage("hi").build()))
                .isInstanceOf(RateLimitException.class);
        assertThat(rig.awaitCaptured(i -> "acct-rpm".equals(i.accountId()) && i.status() == 429).errorType())
                .isEqualTo("rate_limited");
    }

    @Test
    void keyTokensPerMinute_exhaustedByUsage_429InAnthropicShape() throws Exception {
        Rig rig = Rig.shared();
        // One answer uses more than 10 tokens (12 output + input): the next call is refused.
        String key = rig.key("acct-tpm", null, null, null, 10L);
        assertThat(rig.post(rig.base() + "/v1/messages", MSG, "x-api-key", key).statusCode()).isEqualTo(200);
        rig.awaitCaptured(i -> "acct-tpm".equals(i.accountId()));
        HttpResponse<byte[]> r = rig.post(rig.base() + "/v1/messages", MSG, "x-api-key", key);
        assertThat(r.statusCode()).isEqualTo(429);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.path("type").asText()).isEqualTo("error");
        assertThat(j.path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(j.path("error").path("message").asText()).contains("tokens");
        assertThat(r.headers().firstValue("retry-after")).isPresent();
    }

    @Test
    void ipLimit_sharedAcrossKeys_429() {
        String a = ipLimited.key("acct-ip-a");
        String b = ipLimited.key("acct-ip-b");
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            int s = ipLimited.post(ipLimited.base() + "/v1/chat/completions", CHAT, "authorization",
                    "Bearer " + (i % 2 == 0 ? a : b)).statusCode();
            ok += s == 200 ? 1 : 0;
            limited += s == 429 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(3);
        assertThat(limited).isEqualTo(3);
    }
}
