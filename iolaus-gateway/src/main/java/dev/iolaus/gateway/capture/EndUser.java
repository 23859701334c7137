package dev.iolaus.gateway.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.iolaus.model.ApiFlavour;
import java.io.IOException;

/**
 * The end user a request body names, for accounts that serve their own customers (resellers, platforms): OpenAI's
 * {@code safety_identifier}, else its legacy {@code user}; Anthropic's {@code metadata.user_id}.
 *
 * <p>One rule for the three readers — the tree parse ({@link RequestInfo#parse}), the capture scan
 * ({@link RequestScan}) and the enforcement pre-read ({@link #scan}) — so the end user detection judged and the one
 * enforcement looks up are the same string. Only JSON strings count, an empty string means none (OpenAI: an empty
 * {@code safety_identifier} falls back to {@code user}), and an id longer than {@value #MAX_LENGTH} characters is
 * cut to that length: a padded id still attributes the call to its end user instead of dropping it back onto the
 * host account, and the cap bounds what one call can make the engine keep per sub-account.
 */
public final class EndUser {
    /** Longest end-user id kept, in chars (Anthropic's own limit on {@code metadata.user_id}). */
    public static final int MAX_LENGTH = 256;
    static final String SAFETY_IDENTIFIER = "safety_identifier";
    static final String USER = "user";
    static final String METADATA = "metadata";
    private static final String USER_ID = "user_id";
    private static final JsonFactory FACTORY = RequestInfo.JSON.getFactory();

    private EndUser() {
    }

    /**
     * Only the end user of a body: one streaming pass that skips every other value unread (what enforcement needs
     * before the call goes upstream). Never throws: a body that is not a JSON object, or is broken anywhere, names
     * nobody, as in {@link RequestScan#scan}.
     */
    public static String scan(ApiFlavour flavour, byte[] body) {
        if (body == null || body.length == 0 || !(openAi(flavour) || anthropic(flavour))) {
            return null;
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Fields fields = new Fields(flavour);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case SAFETY_IDENTIFIER, USER, METADATA -> fields.read(p, name, t);
                    default -> p.skipChildren();
                }
            }
            return fields.id();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The end user of a body parsed as a tree, or null. */
    static String of(ApiFlavour flavour, JsonNode root) {
        if (openAi(flavour)) {
            String safety = text(root.get(SAFETY_IDENTIFIER));
            return normalize(safety != null && !safety.isEmpty() ? safety : text(root.get(USER)));
        }
        if (anthropic(flavour)) {
            JsonNode metadata = root.get(METADATA);
            return metadata != null && metadata.isObject() ? normalize(text(metadata.get(USER_ID))) : null;
        }
        return null;
    }

    private static boolean openAi(ApiFlavour f) {
        return f == ApiFlavour.OPENAI_CHAT || f == ApiFlavour.OPENAI_COMPLETIONS || f == ApiFlavour.OPENAI_RESPONSES
                || f == ApiFlavour.OPENAI_EMBEDDINGS;
    }

    /** Messages and count_tokens share the request shape, {@code metadata} included. */
    private static boolean anthropic(ApiFlavour f) {
        return f == ApiFlavour.ANTHROPIC_MESSAGES || f == ApiFlavour.ANTHROPIC_COUNT_TOKENS;
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    /** Empty means none; too long is cut, never inside a surrogate pair. */
    static String normalize(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        if (id.length() <= MAX_LENGTH) {
            return id;
        }
        int end = Character.isHighSurrogate(id.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return id.substring(0, end);
    }

    /**
     * The candidate root fields as a streaming pass meets them; a repeated key counts by its last value, as in a
     * tree. {@link #read} is called for {@value #SAFETY_IDENTIFIER}, {@value #USER} and {@value #METADATA} only, and
     * always consumes the value (skipping it when the flavour has no such field).
     */
    static final class Fields {
        private final boolean openAi;
        private final boolean anthropic;
        private String safetyIdentifier;
        private String user;
        private String metadataUserId;

        Fields(ApiFlavour flavour) {
            this.openAi = openAi(flavour);
            this.anthropic = anthropic(flavour);
        }

        void read(JsonParser p, String name, JsonToken t) throws IOException {
            if (openAi && name.equals(SAFETY_IDENTIFIER)) {
                safetyIdentifier = string(p, t);
            } else if (openAi && name.equals(USER)) {
                user = string(p, t);
            } else if (anthropic && name.equals(METADATA) && t == JsonToken.START_OBJECT) {
                metadataUserId = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    boolean match = p.currentName().equals(USER_ID);
                    JsonToken v = p.nextToken();
                    if (match) {
                        metadataUserId = string(p, v);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                if (anthropic && name.equals(METADATA)) {
                    metadataUserId = null;
                }
                p.skipChildren();
            }
        }

        /** The end user named, or null. */
        String id() {
            if (openAi) {
                return normalize(safetyIdentifier != null && !safetyIdentifier.isEmpty() ? safetyIdentifier : user);
            }
            return anthropic ? normalize(metadataUserId) : null;
        }

        private static String string(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            p.skipChildren();
            return null;
        }
    }
}
