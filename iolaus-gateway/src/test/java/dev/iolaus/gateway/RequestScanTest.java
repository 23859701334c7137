package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.gateway.capture.EndUser;
import dev.iolaus.gateway.capture.RequestInfo;
import dev.iolaus.gateway.capture.RequestScan;
import dev.iolaus.model.ApiFlavour;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming request scan gives what the tree parse gives, for every flavour and for odd bodies; so does the
 * end-user-only pre-read enforcement uses.
 */
class RequestScanTest {
    private static final String ALL_END_USER_FIELDS = "{\"model\":\"m\",\"user\":\"u-legacy\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"safety_identifier\":\"sid-1\","
            + "\"metadata\":{\"trace\":\"t\",\"user_id\":\"meta-1\"}}";
    private static final String EMPTY_IDS = "{\"safety_identifier\":\"\",\"user\":\"u-only\","
            + "\"metadata\":{\"user_id\":\"\"}}";
    private static final String OVERLONG_IDS = "{\"user\":\"" + "x".repeat(300) + "\",\"metadata\":{\"user_id\":\""
            + "y".repeat(255) + "\\ud83d\\ude00\"}}";
    private static final List<String> BODIES = List.of(
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                    + "{\"role\":\"user\",\"content\":\"hi\"},{\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
                    + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}},\"b\",{\"text\":5},{\"text\":{\"x\":1}}],"
                    + "\"role\":\"assistant\"},{\"role\":\"tool\",\"content\":null},{\"role\":7,\"content\":\"r\"},"
                    + "{\"role\":\"weird\",\"output\":\"o\"},\"stray\",[1]],\"temperature\":0.7,\"top_p\":1,"
                    + "\"max_tokens\":256,\"n\":2,\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                    + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"search\",\"parameters\":{}}},"
                    + "{\"name\":\"calc\"},{\"function\":{}},\"x\",{\"function\":{\"name\":null},\"name\":\"fb\"}],"
                    + "\"response_format\":{\"type\":\"json_object\"},\"user\":{\"nested\":[1,2,{\"a\":[]}]}}",
            "{\"model\":\"gpt-4o\",\"messages\":\"not an array\",\"stream\":\"true\",\"max_completion_tokens\":1e2,"
                    + "\"n\":12345678901,\"stream_options\":\"x\",\"temperature\":\"hot\"}",
            "{\"model\":5,\"stream\":false,\"max_tokens\":null,\"max_output_tokens\":99,\"stream_options\":{},"
                    + "\"conversation\":{\"id\":\"conv_1\"},\"previous_response_id\":\"resp_9\"}",
            "{\"model\":\"m\",\"prompt\":[\"one\",\"two\",3,[\"x\"]],\"input\":\"ignored when prompt is there\"}",
            "{\"model\":\"m\",\"prompt\":null,\"input\":\"not used: prompt key present\"}",
            "{\"model\":\"m\",\"input\":[\"e1\",\"e2\"],\"encoding_format\":\"float\"}",
            "{\"model\":\"m\",\"input\":\"plain input\",\"instructions\":\"sys\",\"system\":\"other\","
                    + "\"text\":{\"format\":{\"type\":\"json_schema\"}},\"conversation\":\"conv_s\"}",
            "{\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"q\"}]},"
                    + "{\"type\":\"function_call_output\",\"output\":\"42\"}],\"previous_response_id\":\"resp_1\","
                    + "\"text\":{\"format\":\"plain\"},\"instructions\":[{\"text\":\"i1\"},{\"text\":\"i2\"}]}",
            "{\"model\":\"claude\",\"system\":[{\"type\":\"text\",\"text\":\"s1\"},{\"type\":\"text\",\"text\":\"s2\"}],"
                    + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"\"}]},"
                    + "{\"role\":\"assistant\",\"content\":\"ok\"}],\"max_tokens\":1024,\"stream\":1,\"tools\":[]}",
            "{\"model\":\"claude\",\"system\":\"plain system\",\"messages\":[],\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"last messages key wins\"}],\"temperature\":0}",
            "{\"model\":\"dup\",\"model\":\"dup2\",\"conversation\":5,\"previous_response_id\":{\"a\":1}}",
            "[1,2,3]", "\"text\"", "", "{\"model\":\"broken\",", "{}", "null",
            "{\"model\":\"unicode\",\"messages\":[{\"role\":\"user\",\"content\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\"}]}",
            // End users: every field at once, fallbacks, non-strings, repeated keys, a body broken after the id.
            ALL_END_USER_FIELDS,
            EMPTY_IDS,
            "{\"user\":42,\"safety_identifier\":null,\"metadata\":\"text\"}",
            "{\"metadata\":{\"user_id\":\"first\"},\"metadata\":{\"tag\":1},\"user\":\"a\",\"user\":{\"x\":1}}",
            "{\"metadata\":{\"user_id\":{\"id\":\"x\"},\"user_id\":\"second\"},\"safety_identifier\":[\"s\"],"
                    + "\"user\":\"fallback\"}",
            "{\"user\":\"u\",\"metadata\":{\"user_id\":\"m\"},\"messages\":[",
            OVERLONG_IDS);

    @Test
    void scan_everyFlavourAndOddBody_equalsTreeParse() {
        for (ApiFlavour flavour : ApiFlavour.values()) {
            for (String body : BODIES) {
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                RequestInfo tree = RequestInfo.parse(flavour, b);
                RequestInfo scan = RequestScan.scan(flavour, b);
                String what = flavour + " " + body;
                assertThat(scan.model()).as(what).isEqualTo(tree.model());
                assertThat(scan.stream()).as(what).isEqualTo(tree.stream());
                assertThat(scan.includeUsage()).as(what).isEqualTo(tree.includeUsage());
                assertThat(scan.hasStreamOptions()).as(what).isEqualTo(tree.hasStreamOptions());
                assertThat(scan.params()).as(what).isEqualTo(tree.params());
                assertThat(scan.messages()).as(what).isEqualTo(tree.messages());
                assertThat(scan.conversationId()).as(what).isEqualTo(tree.conversationId());
                assertThat(scan.endUserId()).as(what).isEqualTo(tree.endUserId());
                assertThat(EndUser.scan(flavour, b)).as(what).isEqualTo(tree.endUserId());
            }
        }
    }

    @Test
    void scan_chatBody_keepsMessagesInOrderWithRoles() {
        RequestInfo r = RequestScan.scan(ApiFlavour.OPENAI_CHAT, BODIES.get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(r.messages()).extracting(m -> m.role().name() + ":" + m.text()).startsWith(
                "SYSTEM:be brief", "USER:hi", "ASSISTANT:a\nb\n5\n");
        assertThat(r.params().toolNames()).containsExactly("search", "calc", "fb");
    }

    @Test
    void scan_everyEndUserField_readWhereTheFlavourHasIt() {
        byte[] b = ALL_END_USER_FIELDS.getBytes(StandardCharsets.UTF_8);
        for (ApiFlavour f : List.of(ApiFlavour.OPENAI_CHAT, ApiFlavour.OPENAI_COMPLETIONS,
                ApiFlavour.OPENAI_RESPONSES, ApiFlavour.OPENAI_EMBEDDINGS)) {
            assertThat(RequestScan.scan(f, b).endUserId()).as(f.name()).isEqualTo("sid-1");
        }
        assertThat(RequestScan.scan(ApiFlavour.ANTHROPIC_MESSAGES, b).endUserId()).isEqualTo("meta-1");
        assertThat(RequestScan.scan(ApiFlavour.ANTHROPIC_COUNT_TOKENS, b).endUserId()).isEqualTo("meta-1");
        assertThat(RequestScan.scan(ApiFlavour.OPENAI_MODELS, b).endUserId()).isNull();
    }

    @Test
    void scan_emptyOrNonStringIds_fallBackOrNameNobody() {
        assertThat(endUser(ApiFlavour.OPENAI_CHAT, EMPTY_IDS)).isEqualTo("u-only");
        assertThat(endUser(ApiFlavour.ANTHROPIC_MESSAGES, EMPTY_IDS)).isNull();
        assertThat(endUser(ApiFlavour.OPENAI_CHAT, "{\"user\":42}")).isNull();
        assertThat(endUser(ApiFlavour.OPENAI_CHAT, "{\"user\":\"\"}")).isNull();
        assertThat(endUser(ApiFlavour.OPENAI_CHAT, "{\"model\":\"m\",\"metadata\":{\"user_id\":\"m\"}}")).isNull();
        assertThat(endUser(ApiFlavour.ANTHROPIC_MESSAGES, "{\"user\":\"u\",\"safety_identifier\":\"s\"}")).isNull();
    }

    @Test
    void scan_overlongId_cutToMaxLengthOutsideSurrogatePairs() {
        assertThat(endUser(ApiFlavour.OPENAI_CHAT, OVERLONG_IDS)).isEqualTo("x".repeat(EndUser.MAX_LENGTH));
        assertThat(endUser(ApiFlavour.ANTHROPIC_MESSAGES, OVERLONG_IDS)).isEqualTo("y".repeat(EndUser.MAX_LENGTH - 1));
    }

    private static String endUser(ApiFlavour f, String body) {
        return RequestScan.scan(f, body.getBytes(StandardCharsets.UTF_8)).endUserId();
    }
}
