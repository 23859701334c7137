package dev.iolaus.cli;

import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.gateway.fake.FakeUpstream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iolaus upstream-fake}: a fast fake model server for tests, demos and benchmarks. */
@Command(name = "upstream-fake", mixinStandardHelpOptions = true,
        header = "Runs a fake model server (OpenAI and Anthropic APIs) for tests, demos and benchmarks.",
        description = {"Runs a fake model server with the OpenAI and Anthropic APIs (SSE included): deterministic",
            "answers, configurable latency and token counts, failure injection (header x-fake-fail: 500|timeout|reset,",
            "or a model name containing fail-500, fail-timeout or fail-reset)."})
final class UpstreamFakeCommand implements Callable<Integer> {
    @Option(names = "--listen", defaultValue = "127.0.0.1:9000", paramLabel = "HOST:PORT", description = "Default ${DEFAULT-VALUE}.")
    String listen;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Delay before answering (default ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--chunk-delay-ms", defaultValue = "0", description = "Delay between stream chunks (default ${DEFAULT-VALUE}).")
    long chunkDelayMs;

    @Option(names = "--tokens", defaultValue = "16", description = "Output tokens per answer (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--fail-rate", defaultValue = "0", description = "Share of requests failed at random, 0..1 (default ${DEFAULT-VALUE}).")
    double failRate;

    @Option(names = "--fail-mode", defaultValue = "500", description = "Random failure: 500, timeout or reset (default ${DEFAULT-VALUE}).")
    String failMode;

    @Option(names = "--event-loops", defaultValue = "0", description = "Event-loop threads, 0 = one per core.")
    int loops;

    @Override
    public Integer call() throws Exception {
        FakeUpstream f = new FakeUpstream(new FakeUpstream.Options(latencyMs, chunkDelayMs, tokens, failRate, failMode,
                loops > 0 ? loops : Runtime.getRuntime().availableProcessors()));
        int port = f.start(GatewayConfig.host(listen), GatewayConfig.port(listen));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            f.close();
            stop.countDown();
        }));
        System.out.println("iolaus upstream-fake: listening on http://" + GatewayConfig.host(listen) + ":" + port);
        System.out.flush();
        stop.await();
        return 0;
    }
}
