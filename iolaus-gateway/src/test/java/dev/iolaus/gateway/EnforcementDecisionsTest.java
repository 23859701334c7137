package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.PermissionDeniedException;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decisions fed to the gateway apply to the next request: block, challenge, throttle, shadow. */
class EnforcementDecisionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private final Rig rig = Rig.shared();

    private static Decision decision(String id, Scope scope, String value, Action action, boolean shadow) {
        return new Decision(id, scope, value, action, "test", "camp-1", "test", 0.9, Instant.now().minusSeconds(1),
                Instant.now().plusSeconds(600), shadow);
    }

    private HttpResponse<byte[]> chat(String key) {
        return rig.post(rig.base() + "/v1/chat/completions", CHAT, "authorization", "Bearer " + key);
    }

    @Test
    void blockDecisionOnAccount_403InBothShapes() throws Exception {
        String key = rig.key("acct-blocked");
        assertThat(chat(key).statusCode()).isEqualTo(200);
        rig.decisions.accept(decision("d-block", Scope.ACCOUNT, "acct-blocked", Action.BLOCK, false));

        HttpResponse<byte[]> r = chat(key);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(r.body()).path("error").path("code").asText()).isEqualTo("blocked");
        assertThatThrownBy(() -> AnthropicOkHttpClient.builder().baseUrl(rig.base()).apiKey(key).maxRetries(0)
                .build().messages().create(MessageCreateParams.builder().model("c").maxTokens(5)
                        .addUserMessage("hi").build()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(rig.awaitCaptured(i -> "acct-blocked".equals(i.accountId()) && i.status() == 403).errorType())
                .isEqualTo("blocked");
    }

    @Test
    void blockDecisionOnCampaign_reachesMemberAccounts() {
        String key = rig.key("acct-member");
        rig.decisions.linkCampaign("camp-77", List.of("acct-member", "acct-other"));
        rig.decisions.accept(decision("d-camp", Scope.CAMPAIGN, "camp-77", Action.BLOCK, false));
        assertThat(chat(key).statusCode()).isEqualTo(403);
    }

    @Test
    void challengeDecisionOnKey_configuredResponse() throws Exception {
        String key = rig.key("acct-challenged");
        String keyId = rig.store.load().stream().filter(k -> k.account().equals("acct-challenged")).findFirst()
                .orElseThrow().id();
        rig.decisions.accept(decision("d-ch", Scope.API_KEY, keyId, Action.CHALLENGE, false));
        HttpResponse<byte[]> r = chat(key);
        assertThat(r.statusCode()).isEqualTo(403);
        JsonNode e = JSON.readTree(r.body()).path("error");
        assertThat(e.path("code").asText()).isEqualTo("challenge_required");
        assertThat(e.path("message").asText()).contains("https://verify.example/start");
        assertThat(r.headers().firstValue("x-iolaus-challenge-url")).hasValue("https://verify.example/start");
    }

    @Test
    void throttleDecision_tighterLimits() {
        // 20 rpm shrinks to 2 under the default throttle factor 0.1.
        String key = rig.key("acct-throttled", null, null, 20L, null);
        rig.decisions.accept(decision("d-thr", Scope.ACCOUNT, "acct-throttled", Action.THROTTLE, false));
        assertThat(chat(key).statusCode()).isEqualTo(200);
        assertThat(chat(key).statusCode()).isEqualTo(200);
        assertThat(chat(key).statusCode()).isEqualTo(429);
        assertThat(rig.awaitCaptured(i -> "acct-throttled".equals(i.accountId()) && i.status() == 429).errorType())
                .isEqualTo("throttled");
    }

    @Test
    void shadowBlock_recordedNotEnforced() {
        String key = rig.key("acct-shadow");
        rig.decisions.accept(decision("d-shadow", Scope.ACCOUNT, "acct-shadow", Action.BLOCK, true));
        assertThat(chat(key).statusCode()).isEqualTo(200);
        assertThat(rig.decisions.lookupShadow("acct-shadow", null, null, System.currentTimeMillis()).id())
                .isEqualTo("d-shadow");
    }

    @Test
    void expiredDecision_noLongerApplies() {
        String key = rig.key("acct-lapsed");
        rig.decisions.accept(new Decision("d-lapsed", Scope.ACCOUNT, "acct-lapsed", Action.BLOCK, "t", null, "t", 0.5,
                Instant.now().minusSeconds(60), Instant.now().plusMillis(1_000), false));
        assertThat(chat(key).statusCode()).isEqualTo(403);
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(chat(key).statusCode()).isEqualTo(200);
    }
}
