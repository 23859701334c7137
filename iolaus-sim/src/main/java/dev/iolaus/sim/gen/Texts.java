package dev.iolaus.sim.gen;

import dev.iolaus.model.Message;
import dev.iolaus.model.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Messages with their text hash computed as {@link dev.iolaus.model.Hashes#textHash} does (first 16 hex characters
 * of SHA-256), but with one digest per thread: looking up a digest per message was the generator's top cost.
 */
final class Texts {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    });

    private Texts() {
    }

    static Message message(Role role, String text) {
        return new Message(role, text, hash(text), text.length());
    }

    static String hash(String text) {
        byte[] d = SHA.get().digest(text.getBytes(StandardCharsets.UTF_8));
        char[] c = new char[16];
        for (int i = 0; i < 8; i++) {
            c[2 * i] = HEX[(d[i] >> 4) & 0xf];
            c[2 * i + 1] = HEX[d[i] & 0xf];
        }
        return new String(c);
    }
}
