package dev.iolaus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iolaus keys}: the key is printed once, alone on the last line; only its hash is stored; revoke works. */
class KeysCommandTest {

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int rc = Main.commandLine().execute(args);
            assertThat(rc).as(String.join(" ", args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void create_keyAloneOnLastLine_storedOnlyAsHash(@TempDir Path dir) throws Exception {
        String out = run("keys", "create", "--account", "acme", "--org", "o", "--expires", "30d",
                "--allowed-cidrs", "10.0.0.0/8,127.0.0.1", "--data-dir", dir.toString());
        String[] lines = out.strip().split("\n");
        String key = lines[lines.length - 1];
        assertThat(key).matches("iol-[A-Za-z0-9_-]{43}");
        assertThat(out.indexOf(key)).isEqualTo(out.lastIndexOf(key));
        String stored = Files.readString(dir.resolve("keys.json"));
        assertThat(stored).doesNotContain(key.substring(4)).contains("acme").contains("10.0.0.0/8");

        String list = run("keys", "list", "--data-dir", dir.toString());
        assertThat(list).contains("acme").contains("active").doesNotContain(key.substring(4));
        String id = list.lines().filter(l -> l.contains("acme")).findFirst().orElseThrow().split("\\s+")[0];
        run("keys", "revoke", id, "--data-dir", dir.toString());
        assertThat(run("keys", "list", "--data-dir", dir.toString())).contains("revoked");
    }

    @Test
    void create_badExpiry_clearError(@TempDir Path dir) {
        int rc = Main.commandLine().execute("keys", "create", "--account", "a", "--expires", "soon",
                "--data-dir", dir.toString());
        assertThat(rc).isEqualTo(2);
    }
}
