package dev.iolaus.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.gateway.capture.InteractionSink;
import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.gateway.enforce.DecisionIndex;
import dev.iolaus.gateway.keys.KeyRegistry;
import dev.iolaus.gateway.keys.KeyStore;
import dev.iolaus.model.Interaction;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A gateway with several event loops serves connections on all of them. It once did not: servers bound to "port 0"
 * all received the socket but one loop served every connection (always), and servers deployed as verticle instances
 * sometimes shared one loop (3 starts in 10); either halved capacity on 2 cores. Started several times, since the
 * second failure was a race.
 */
class EventLoopSpreadTest {

    @Test
    void start_portZeroTwoLoops_connectionsServedOnBothLoops() throws Exception {
        for (int attempt = 0; attempt < 4; attempt++) {
            startAndCall();
        }
    }

    private static void startAndCall() throws Exception {
        Path dir = Files.createTempDirectory("iolaus-loops");
        GatewayConfig cfg = new GatewayConfig("127.0.0.1:0", null, dir.toString(),
                new GatewayConfig.Upstreams(new GatewayConfig.Upstream("http://127.0.0.1:9", null), null), 5_000L,
                null, null, null, null, null, null, 2, null, null, null).validated();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        // The recorder offers each ended call from the event loop that served it.
        InteractionSink sink = new InteractionSink() {
            @Override
            public boolean offer(Interaction interaction) {
                return true;
            }

            @Override
            public boolean offerDeferred(Supplier<Interaction> interaction) {
                threads.add(Thread.currentThread().getName());
                return true;
            }
        };
        try (GatewayServer server = new GatewayServer(cfg, new KeyRegistry(new KeyStore(cfg.dataPath())),
                new DecisionIndex(), sink, new GatewayMetrics())) {
            int port = server.start();
            assertThat(port).isPositive();
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket("127.0.0.1", port);
                    open.add(s);
                    // No key: answered 401 by the gateway itself, and recorded.
                    assertThat(call(s, port)).startsWith("HTTP/1.1 401");
                }
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
            assertThat(threads).hasSize(2);
        }
    }

    private static String call(Socket s, int port) throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
        OutputStream out = s.getOutputStream();
        out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        int n = in.read(buf);
        return new String(buf, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
    }
}
