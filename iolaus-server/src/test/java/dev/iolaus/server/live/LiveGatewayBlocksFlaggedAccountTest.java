package dev.iolaus.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolaus.detect.Detectors;
import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorRegistry;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.gateway.fake.FakeUpstream;
import dev.iolaus.gateway.keys.KeyStore;
import dev.iolaus.model.Interaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over real HTTP: fake upstream, gateway and embedded engine as {@code iolaus serve} assembles them. A
 * test detector flags an account after a few calls and the policy blocks flagged accounts: the account then gets 403
 * in the OpenAI error shape, another account keeps getting 200, and the decision shows in the metrics and the
 * decision log.
 */
class LiveGatewayBlocksFlaggedAccountTest {
    private static final int FLAG_AFTER = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void flaggedAccount_blockedByPolicy_gets403WhileOtherAccountKeeps200(@TempDir Path dir) throws Exception {
        FakeUpstream fake = new FakeUpstream(new FakeUpstream.Options(0, 0, 8, 0, "500", 1));
        int fakePort = fake.start("127.0.0.1", 0);
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                profiles:
                  - name: block-flagged
                    filters:
                      - subject == account
                      - score >= 0.5
                    decisions:
                      - {action: block, scope: account, duration: 1h}
                      - {action: block, scope: payment_fingerprint, duration: 1h}
                    on_success: break
                """);
        Path accounts = dir.resolve("accounts.jsonl");
        // acct-bad and acct-sibling paid with the same card (account events loaded at start, from engine.accounts).
        Files.writeString(accounts, """
                {"event_id":"a1","time":"2026-01-01T00:00:00Z","account_id":"acct-bad","type":"created"}
                {"event_id":"a2","time":"2026-01-01T00:01:00Z","account_id":"acct-bad","type":"payment_method_added",\
                "payment":{"fingerprint_hash":"card-shared"}}
                {"event_id":"a3","time":"2026-01-02T00:01:00Z","account_id":"acct-sibling","type":"payment_method_added",\
                "payment":{"fingerprint_hash":"card-shared"}}
                """);
        Path data = dir.resolve("data");
        Path config = dir.resolve("iolaus.yaml");
        Files.writeString(config, """
                listen: 127.0.0.1:0
                data_dir: %s
                upstreams:
                  openai:
                    base_url: http://127.0.0.1:%d
                event_loops: 1
                policy_file: %s
                engine:
                  detectors: [count-test]
                  accounts: %s
                """.formatted(data, fakePort, policy, accounts));
        KeyStore keys = new KeyStore(data);
        String bad = keys.create("acct-bad", null, null, null, null, null).secret();
        String good = keys.create("acct-good", null, null, null, null, null).secret();
        String sibling = keys.create("acct-sibling", null, null, null, null, null).secret();
        DetectorRegistry registry = Detectors.registry().copy().register("count-test", ctx -> new FlagAfter(FLAG_AFTER));
        List<String> notes = new ArrayList<>();

        try (LiveGateway live = LiveGateway.start(GatewayConfig.load(config), registry, notes::add)) {
            String base = "http://127.0.0.1:" + live.gateway().port();
            for (int i = 0; i < FLAG_AFTER; i++) {
                assertThat(chat(base, bad).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> blocked = null;
            long end = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < end) {
                HttpResponse<String> r = chat(base, bad);
                if (r.statusCode() != 200) {
                    blocked = r;
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(blocked).as("a 403 after the decision").isNotNull();
            assertThat(blocked.statusCode()).isEqualTo(403);
            JsonNode err = JSON.readTree(blocked.body()).get("error");
            assertThat(err.get("type").asText()).isEqualTo("permission_error");
            assertThat(err.get("code").asText()).isEqualTo("blocked");
            assertThat(err.get("message").asText()).contains("decision");

            // Fewer calls than the detector's threshold: this account is never flagged.
            for (int i = 0; i < FLAG_AFTER - 1; i++) {
                HttpResponse<String> r = chat(base, good);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            // Never flagged itself, but its card is blocked: the payment link from the account events reaches it.
            HttpResponse<String> viaCard = chat(base, sibling);
            assertThat(viaCard.statusCode()).as(viaCard.body()).isEqualTo(403);
            assertThat(JSON.readTree(viaCard.body()).get("error").get("code").asText()).isEqualTo("blocked");

            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).containsPattern(
                    "iolaus_gateway_decisions_received_total\\{action=\"block\",shadow=\"false\"} 2\\.0");
            assertThat(metrics).contains("iolaus_engine_decisions_total 2.0").contains("iolaus_engine_backlog");
        }
        fake.close();
        String decisions = Files.readString(data.resolve("decisions.jsonl"));
        assertThat(decisions.lines()).hasSize(2).allMatch(l -> l.contains("block"))
                .anyMatch(l -> l.contains("\"acct-bad\"")).anyMatch(l -> l.contains("\"card-shared\""));
        assertThat(Files.readString(data.resolve("interactions.jsonl")).lines())
                .hasSizeGreaterThanOrEqualTo(FLAG_AFTER);
        assertThat(notes).anyMatch(n -> n.contains("loaded 3 account events"));
    }

    private HttpResponse<String> chat(String base, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10)).header("authorization", "Bearer " + key)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CHAT)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Flags an account with score 0.9 at its N-th call. */
    private static final class FlagAfter implements Detector {
        private final int n;
        private final Map<String, Integer> calls = new HashMap<>();
        private final Map<String, Double> scores = new HashMap<>();

        FlagAfter(int n) {
            this.n = n;
        }

        @Override
        public String name() {
            return "count-test";
        }

        @Override
        public void onInteraction(Interaction i, Findings out) {
            if (calls.merge(i.accountId(), 1, Integer::sum) == n) {
                scores.put(i.accountId(), 0.9);
                out.flag(new AccountFinding(name(), i.accountId(), 0.9, i.time(), null, List.of()));
            }
        }

        @Override
        public Map<String, Double> accountScores() {
            return scores;
        }
    }
}
