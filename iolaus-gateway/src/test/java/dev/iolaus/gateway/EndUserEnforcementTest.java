package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Metadata;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A decision on an end user's sub-account ({@code account~end user}) refuses the calls naming that end user, and
 * none of the host account's other calls.
 */
class EndUserEnforcementTest {
    private final Rig rig = Rig.shared();

    /** A client of a new account, after a decision on {@code decided} (the account, or one of its end users). */
    private OpenAIClient clientAfter(String account, String decided, Action action, boolean shadow) {
        String key = rig.key(account);
        rig.decisions.accept(new Decision("d-" + decided, Scope.ACCOUNT, decided, action, "test", null, "test", 0.9,
                Instant.now().minusSeconds(1), Instant.now().plusSeconds(600), shadow));
        return OpenAIOkHttpClient.builder().baseUrl(rig.base() + "/v1").apiKey(key).maxRetries(0).build();
    }

    private static ChatCompletionCreateParams.Builder chat() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi");
    }

    private static void assertRefused(OpenAIClient c, ChatCompletionCreateParams p) {
        assertThatThrownBy(() -> c.chat().completions().create(p)).isInstanceOf(PermissionDeniedException.class);
    }

    private static void assertServed(OpenAIClient c, ChatCompletionCreateParams p) {
        assertThat(c.chat().completions().create(p).choices()).isNotEmpty();
    }

    private static MessageCreateParams message(String endUser) {
        MessageCreateParams.Builder b = MessageCreateParams.builder().model("claude-test").maxTokens(64)
                .addUserMessage("hi");
        return endUser == null ? b.build() : b.metadata(Metadata.builder().userId(endUser).build()).build();
    }

    @Test
    void blockOnSubAccount_openAiSdk_onlyThatEndUserRefused() {
        OpenAIClient c = clientAfter("acct-reseller-1", "acct-reseller-1~eu1", Action.BLOCK, false);

        assertRefused(c, chat().safetyIdentifier("eu1").build());
        assertRefused(c, chat().user("eu1").build());
        assertServed(c, chat().safetyIdentifier("eu2").build());
        assertServed(c, chat().user("legacy").safetyIdentifier("eu2").build());
        assertServed(c, chat().build());

        Interaction refused = rig.awaitCaptured(x -> "acct-reseller-1".equals(x.accountId()) && x.status() == 403);
        assertThat(refused.endUserId()).isEqualTo("eu1");
        assertThat(refused.errorType()).isEqualTo("blocked");
    }

    @Test
    void blockOnSubAccount_anthropicSdk_onlyThatEndUserRefused() {
        String key = rig.key("acct-reseller-2");
        rig.decisions.accept(new Decision("d-eu-2", Scope.ACCOUNT, "acct-reseller-2~eu1", Action.BLOCK, "test", null,
                "test", 0.9, Instant.now().minusSeconds(1), null, false));
        AnthropicClient c = AnthropicOkHttpClient.builder().baseUrl(rig.base()).apiKey(key).maxRetries(0).build();

        assertThatThrownBy(() -> c.messages().create(message("eu1")))
                .isInstanceOf(com.anthropic.errors.PermissionDeniedException.class);
        assertThat(c.messages().create(message("eu2")).content()).isNotEmpty();
        assertThat(c.messages().create(message(null)).content()).isNotEmpty();
    }

    @Test
    void blockOnHostAccount_everyEndUserRefused() {
        OpenAIClient c = clientAfter("acct-reseller-3", "acct-reseller-3", Action.BLOCK, false);

        assertRefused(c, chat().safetyIdentifier("eu1").build());
        assertRefused(c, chat().build());
    }

    @Test
    void revokedSubAccountBlock_endUserServedAgain() {
        OpenAIClient c = clientAfter("acct-reseller-4", "acct-reseller-4~eu1", Action.BLOCK, false);
        assertRefused(c, chat().safetyIdentifier("eu1").build());

        rig.decisions.revoke("d-acct-reseller-4~eu1");
        assertServed(c, chat().safetyIdentifier("eu1").build());
    }

    @Test
    void shadowBlockOnSubAccount_countedForThatEndUserNotEnforced() {
        double before = shadowCount();
        OpenAIClient c = clientAfter("acct-reseller-5", "acct-reseller-5~eu1", Action.BLOCK, true);

        assertServed(c, chat().safetyIdentifier("eu1").build());
        rig.awaitCaptured(x -> "acct-reseller-5".equals(x.accountId()) && "eu1".equals(x.endUserId()));
        assertThat(shadowCount()).isEqualTo(before + 1);
        assertServed(c, chat().safetyIdentifier("eu2").build());
        rig.awaitCaptured(x -> "acct-reseller-5".equals(x.accountId()) && "eu2".equals(x.endUserId()));
        assertThat(shadowCount()).isEqualTo(before + 1);
    }

    private double shadowCount() {
        return rig.gateway.metrics().registry().get("iolaus_gateway_shadow_decisions").counter().count();
    }
}
