package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Interaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The captured header-order hash is stable for one client's header order and changes with the order. Requests are
 * written on a raw socket: the JDK client sorts its headers, so it cannot send two orders.
 */
class HeaderOrderHashTest {
    private static final String ACCOUNT = "acct-header-order";
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void headerOrderHash_sameOrderSameHash_otherOrderOtherHash() throws IOException {
        Rig rig = Rig.shared();
        String key = rig.key(ACCOUNT);
        send(rig, List.of("Authorization: Bearer " + key, "X-First: 1", "X-Second: 2"), "a");
        send(rig, List.of("authorization: Bearer " + key, "x-first: 9", "x-second: 8"), "b");
        send(rig, List.of("Authorization: Bearer " + key, "X-Second: 2", "X-First: 1"), "c");
        rig.awaitCaptured(x -> rig.captured.stream().filter(y -> ACCOUNT.equals(y.accountId())).count() >= 3);
        List<Interaction> mine = rig.captured.stream().filter(y -> ACCOUNT.equals(y.accountId())).toList();
        assertThat(mine).hasSize(3);
        String a = hashOf(mine, "a");
        assertThat(a).matches("[0-9a-f]{16}").isEqualTo(hashOf(mine, "b"));   // same order, other case and values
        assertThat(hashOf(mine, "c")).isNotEqualTo(a);                          // same names, other order
    }

    private static String hashOf(List<Interaction> mine, String mark) {
        return mine.stream().filter(i -> i.messages().getFirst().text().equals("hi " + mark)).findFirst()
                .orElseThrow().client().headerOrderHash();
    }

    private static void send(Rig rig, List<String> headers, String mark) throws IOException {
        byte[] body = CHAT.replace("\"hi\"", "\"hi " + mark + "\"").getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        sb.append("Content-Type: application/json\r\nContent-Length: ").append(body.length)
                .append("\r\nConnection: close\r\n\r\n");
        try (Socket s = new Socket("127.0.0.1", rig.port)) {
            OutputStream out = s.getOutputStream();
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
        }
    }
}
