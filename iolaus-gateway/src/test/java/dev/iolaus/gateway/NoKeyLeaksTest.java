package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (class order by annotation): scans every log record, console line, captured event and data file the
 * gateway suite produced for any key issued during the suite.
 */
@Order(Integer.MAX_VALUE)
class NoKeyLeaksTest {

    @Test
    void wholeSuite_logsEventsAndFiles_containNoIssuedKey() throws Exception {
        // Make sure something was issued even when this class runs alone.
        Rig rig = Rig.shared();
        String key = rig.key("acct-leakcheck");
        rig.post(rig.base() + "/v1/chat/completions", "{\"model\":\"m\",\"messages\":[]}", "authorization", "Bearer " + key);
        rig.post(rig.base() + "/v1/chat/completions", "{\"model\":\"m\",\"messages\":[]}", "authorization",
                "Bearer " + key + "x");
        rig.awaitCaptured(i -> "acct-leakcheck".equals(i.accountId()));

        List<String> haystack = new ArrayList<>(Rig.LOGS);
        for (Rig r : Rig.ALL) {
            haystack.addAll(r.capturedJson());
        }
        for (Path dir : Rig.DIRS) {
            if (Files.exists(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path f : s.filter(Files::isRegularFile).toList()) {
                        haystack.add(Files.readString(f));
                    }
                }
            }
        }
        assertThat(Rig.SECRETS).isNotEmpty();
        assertThat(haystack).isNotEmpty();
        for (String secret : Rig.SECRETS) {
            String core = secret.substring(secret.length() - 24);
            for (String h : haystack) {
                assertThat(h).as("an issued key leaked").doesNotContain(core);
            }
        }
    }
}
