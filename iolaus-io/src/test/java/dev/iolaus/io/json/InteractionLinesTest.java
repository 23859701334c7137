package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.ClientFingerprint;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Role;
import dev.iolaus.model.Usage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct encoder writes exactly the bytes Jackson writes through {@link InteractionCodec}, for any event. */
class InteractionLinesTest {
    private static final String[] PIECES = {"plain words ", "\"quoted\"", "back\\slash", "\n", "\r\n", "\t", "\b",
        "\f", "\u0000", "\u0001", "\u001f", "\u007f", "é", "中文", "😀", "\ud800", "\udc00x", "</script>", "{\"json\":1}",
        "line\u2028sep", "  ", ""};

    @Test
    void append_fixtureEvents_matchJacksonByteForByte() {
        assertSameBytes(List.of(Fixtures.interaction(1), Fixtures.interaction(2), Fixtures.failedInteraction(),
                Fixtures.minimalInteraction()));
    }

    @Test
    void append_randomEventsWithEscapesUnicodeAndMissingFields_matchJacksonByteForByte() {
        SplittableRandom r = new SplittableRandom(11);
        List<Interaction> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            events.add(random(r, i));
        }
        assertSameBytes(events);
    }

    @Test
    void append_nonFiniteTemperature_isQuotedLikeJackson() {
        Interaction base = Fixtures.interaction(3);
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 1e-7, 123456789.0, -0.0}) {
            assertSameBytes(List.of(withParams(base, new RequestParams(d, d, null, null, null, List.of(), null))));
        }
    }

    @Test
    void append_manyEvents_growsTheBufferAndResetKeepsIt() {
        InteractionLines lines = new InteractionLines(16);
        for (int i = 0; i < 100; i++) {
            lines.append(Fixtures.interaction(i));
        }
        byte[] first = Arrays.copyOf(lines.array(), lines.size());
        lines.reset();
        assertThat(lines.size()).isZero();
        for (int i = 0; i < 100; i++) {
            lines.append(Fixtures.interaction(i));
        }
        assertThat(Arrays.copyOf(lines.array(), lines.size())).isEqualTo(first);
    }

    private static void assertSameBytes(List<Interaction> events) {
        ByteArrayOutputStream jackson = new ByteArrayOutputStream();
        try (JsonlWriter<Interaction> w = JsonlWriter.to(jackson, EventCodecs.INTERACTION)) {
            events.forEach(w::write);
        }
        InteractionLines lines = new InteractionLines(1024);
        events.forEach(lines::append);
        byte[] ours = Arrays.copyOf(lines.array(), lines.size());
        String[] a = new String(ours, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = jackson.toString(StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            assertThat(a[i]).as("line %d", i + 1).isEqualTo(b[i]);
        }
        assertThat(ours).isEqualTo(jackson.toByteArray());
    }

    private static Interaction random(SplittableRandom r, int i) {
        List<Message> messages = new ArrayList<>();
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
            String text = r.nextInt(8) == 0 ? null : text(r);
            messages.add(text == null ? new Message(Role.values()[r.nextInt(Role.values().length)], null, "abc", 3)
                    : Message.of(Role.values()[r.nextInt(Role.values().length)], text));
        }
        RequestParams params = r.nextBoolean() ? null : new RequestParams(
                r.nextBoolean() ? null : r.nextDouble() * 2, r.nextBoolean() ? null : r.nextDouble(),
                r.nextBoolean() ? null : r.nextInt(100_000), r.nextBoolean() ? null : r.nextInt(4),
                r.nextBoolean() ? null : r.nextBoolean(),
                r.nextBoolean() ? List.of() : List.of(text(r), "get_weather"), r.nextBoolean() ? null : "json_schema");
        ClientFingerprint client = r.nextBoolean() ? null
                : new ClientFingerprint(r.nextBoolean() ? null : text(r), r.nextBoolean() ? null : "t13d_x_y");
        return new Interaction("i-" + i + text(r), Fixtures.T0.plusMillis(r.nextLong(1L << 40)), "acct-" + text(r),
                opt(r), opt(r), opt(r), opt(r), client, ApiFlavour.values()[r.nextInt(ApiFlavour.values().length)],
                opt(r), params, messages, opt(r),
                r.nextBoolean() ? null : new Usage(r.nextInt(9999), r.nextInt(9999), r.nextInt(3) == 0 ? 7 : 0),
                r.nextLong(100_000), 200 + r.nextInt(400), opt(r), opt(r));
    }

    private static String opt(SplittableRandom r) {
        return r.nextBoolean() ? null : text(r);
    }

    private static String text(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(6);
        for (int k = 0; k < n; k++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static Interaction withParams(Interaction i, RequestParams p) {
        return new Interaction(i.eventId(), i.time(), i.accountId(), i.apiKeyId(), i.orgId(), i.clientIp(),
                i.userAgent(), i.client(), i.flavour(), i.model(), p, i.messages(), i.conversationId(), i.usage(),
                i.latencyMs(), i.status(), i.errorType(), i.endUserId());
    }
}
