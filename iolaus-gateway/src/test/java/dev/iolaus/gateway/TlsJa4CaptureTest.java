package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.gateway.fake.FakeUpstream;
import dev.iolaus.gateway.keys.KeyStore;
import dev.iolaus.model.Interaction;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code tls} configured, every captured interaction carries the JA4 of its connection's ClientHello, the
 * same for the same client stack; a garbage hello costs only its own connection; plain HTTP capture keeps JA4
 * null. A real gateway over TLS (PEM files, as the config takes them) in front of the fake upstream, called with
 * the JDK HTTP client.
 */
class TlsJa4CaptureTest {
    private static final String JA4 = "^t1[0-3][di]\\d{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}$";
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"tls %s\"}]}";
    private static final Queue<Interaction> GOT = new ConcurrentLinkedQueue<>();
    private static FakeUpstream fake;
    private static Gateway gateway;
    private static String secret;
    private static String url;

    @BeforeAll
    static void startTlsGateway() throws Exception {
        Path dir = Files.createTempDirectory("iolaus-gw-tls");
        Rig.DIRS.add(dir);
        Path[] pem = TestCerts.writePem(dir);
        fake = new FakeUpstream(new FakeUpstream.Options(0, 0, 4, 0, "500", 1));
        int fakePort = fake.start("127.0.0.1", 0);
        GatewayConfig cfg = new GatewayConfig("127.0.0.1:0", new GatewayConfig.Tls(pem[0].toString(),
                pem[1].toString()), dir.toString(), new GatewayConfig.Upstreams(
                        new GatewayConfig.Upstream("http://127.0.0.1:" + fakePort, null), null),
                5_000L, null, null, null, null, null, null, 1, null, null, null).validated();
        secret = new KeyStore(dir).create("acct-tls", null, null, null, null, null).secret();
        Rig.SECRETS.add(secret);
        gateway = Gateway.start(cfg, GOT::add);
        url = "https://127.0.0.1:" + gateway.port() + "/v1/chat/completions";
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        fake.close();
    }

    @Test
    void tlsGateway_callsFromOneClientStack_captureTheSameWellFormedJa4() throws Exception {
        HttpClient first = client();
        call(first, "a");
        call(first, "b");
        // A second client with its own TLS context: a new connection and a new hello, no session resumed.
        call(client(), "c");

        List<Interaction> three = await(i -> i.messages().getFirst().text().matches("tls [abc]"), 3);
        String ja4 = three.getFirst().client().ja4();
        // Connected by IP address, so the JDK client sends no SNI ("i"); it offers TLS 1.3.
        assertThat(ja4).matches(JA4).startsWith("t13i");
        assertThat(three).extracting(i -> i.client().ja4()).containsOnly(ja4);
        assertThat(three).extracting(i -> i.client().headerOrderHash()).doesNotContainNull();
    }

    @Test
    void tlsGateway_garbageInsteadOfClientHello_costsOnlyThatConnection() throws Exception {
        try (Socket s = new Socket("127.0.0.1", gateway.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            // A handshake record that claims a ClientHello longer than what follows, then nonsense.
            out.write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x08, 0x01, 0x00, 0x00, 0x40, 0x03, 0x03, 0x00, 0x00});
            out.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            in.readAllBytes();   // the server answers with an alert, or just closes: either way, it ends
        } catch (java.net.SocketException e) {
            // A reset is an acceptable end too.
        }
        call(client(), "after-garbage");
        Interaction i = await(x -> x.messages().getFirst().text().equals("tls after-garbage"), 1).getFirst();
        assertThat(i.client().ja4()).matches(JA4);
    }

    @Test
    void plainHttpGateway_capture_keepsJa4Null() {
        Rig rig = Rig.shared();
        String key = rig.key("acct-plain-ja4");
        assertThat(rig.post(rig.base() + "/v1/chat/completions", CHAT.formatted("plain"), "authorization",
                "Bearer " + key).statusCode()).isEqualTo(200);
        Interaction i = rig.awaitCaptured(x -> "acct-plain-ja4".equals(x.accountId()));
        assertThat(i.client().ja4()).isNull();
        assertThat(i.client().headerOrderHash()).isNotNull();
    }

    private static HttpClient client() throws Exception {
        return HttpClient.newBuilder().sslContext(TestCerts.clientContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static void call(HttpClient c, String mark) throws Exception {
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("authorization", "Bearer " + secret).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted(mark))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    private static List<Interaction> await(Predicate<Interaction> p, int n) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (GOT.stream().filter(p).count() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        List<Interaction> mine = GOT.stream().filter(p).toList();
        assertThat(mine).hasSize(n);
        return mine;
    }
}
