package dev.iolaus.sim.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Hashes;
import dev.iolaus.model.Role;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void message_hash_isTheModelsTextHash() {
        for (String s : new String[] {"", "hello", "héllo wörld ✓", "x".repeat(5000)}) {
            assertThat(Texts.message(Role.USER, s).textHash()).isEqualTo(Hashes.textHash(s));
            assertThat(Texts.message(Role.USER, s).length()).isEqualTo(s.length());
        }
    }
}
