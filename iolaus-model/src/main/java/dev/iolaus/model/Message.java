package dev.iolaus.model;

import java.util.Objects;

/**
 * One turn of a conversation as the model received it.
 *
 * <p>{@code text} may be null when the deployment redacts content; {@code textHash} (hex SHA-256 prefix of the
 * original text) and {@code length} (characters) are kept so that detection can still count repeats and sizes.
 *
 * @param role who wrote the turn
 * @param text the content, or null when redacted
 * @param textHash hash of the original text, never null
 * @param length length of the original text in characters
 */
public record Message(Role role, String text, String textHash, int length) {
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(textHash, "textHash");
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0");
        }
    }

    /** A message with its text, hashed here. */
    public static Message of(Role role, String text) {
        return new Message(role, text, Hashes.textHash(text), text.length());
    }

    /** True when the text was removed and only hash and length remain. */
    public boolean redacted() {
        return text == null;
    }
}
