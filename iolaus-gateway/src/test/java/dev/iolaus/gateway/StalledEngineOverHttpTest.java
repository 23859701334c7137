package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.gateway.keys.KeyStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real {@link Gateway} (HTTP, queue of 50, journal in the data dir): calls made while the engine is
 * stalled all reach it after it resumes, allowed and refused alike.
 */
class StalledEngineOverHttpTest {

    @Test
    void engineStalled_2000Calls_all2000InteractionsAfterResume(@TempDir Path dir) throws Exception {
        Rig.DIRS.add(dir);
        try (var fake = new dev.iolaus.gateway.fake.FakeUpstream(
                new dev.iolaus.gateway.fake.FakeUpstream.Options(0, 0, 4, 0, "500", 1))) {
            int fakePort = fake.start("127.0.0.1", 0);
            GatewayConfig cfg = new GatewayConfig("127.0.0.1:0", null, dir.toString(),
                    new GatewayConfig.Upstreams(new GatewayConfig.Upstream("http://127.0.0.1:" + fakePort, null), null),
                    5_000L, null, new GatewayConfig.LimitsConfig(100_000L, null, 100_000L, null, null, null, null, null, null),
                    null, new GatewayConfig.Capture(50, null, null), null, null, 1, null, null, null).validated();
            KeyStore.Issued key = new KeyStore(dir).create("acct-stall", null, null, null, null, null);
            Rig.SECRETS.add(key.secret());
            CountDownLatch stall = new CountDownLatch(1);
            Set<String> got = ConcurrentHashMap.newKeySet();
            try (Gateway gw = Gateway.start(cfg, i -> {
                try {
                    stall.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                got.add(i.eventId());
            })) {
                HttpClient c = HttpClient.newHttpClient();
                int n = 2_000;
                for (int i = 0; i < n; i++) {
                    String auth = i % 10 == 0 ? "Bearer wrong" : "Bearer " + key.secret();
                    HttpResponse<Void> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.port()
                            + "/v1/chat/completions")).header("authorization", auth).POST(HttpRequest.BodyPublishers
                            .ofString("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"q" + i + "\"}]}"))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    assertThat(r.statusCode()).isIn(200, 401);
                }
                long end = System.nanoTime() + 10_000_000_000L;
                while (gw.capture().stats().offered() < n && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                assertThat(gw.capture().stats().spilled()).isGreaterThan(1_000);
                stall.countDown();
                end = System.nanoTime() + 20_000_000_000L;
                while (got.size() < n && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                assertThat(got).hasSize(n);
            }
        }
    }
}
