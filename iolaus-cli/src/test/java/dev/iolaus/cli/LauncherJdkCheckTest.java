package dev.iolaus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher and the build refuse a JDK older than 21 with a message that says what to install. */
class LauncherJdkCheckTest {
    private static final Path ROOT = Path.of(System.getProperty("iolaus.root", "../"));
    private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    @Test
    void launcher_noJdk21Found_explainsWhatToInstall() throws Exception {
        // Only a JDK 17 (or none) visible: JAVA_HOME at 17, java on PATH is the system's, JVM folder empty.
        Path emptyJvmDir = Files.createTempDirectory("nojvm");
        Result r = run(List.of("bash", ROOT.resolve("iolaus").toString(), "--help"),
                Map.of("JAVA_HOME", JDK17.toString(), "IOLAUS_JVM_DIR", emptyJvmDir.toString(),
                        "PATH", "/nonexistent-bin"));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.output).contains("no JDK 21 or newer found").contains("JAVA_HOME");
    }

    @Test
    void enforcer_jdkBelow21_rejectsBuildWithClearMessage() throws Exception {
        assumeTrue(Files.isExecutable(JDK17.resolve("bin/java")), "no JDK 17 on this machine to try the build with");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mvn")), "no mvn at /usr/bin/mvn");
        // -N: only the parent, where the Enforcer rule lives; -o: the plugin is already resolved by this very build.
        Result r = run(List.of("/usr/bin/mvn", "-B", "-N", "-o", "-q", "-f", ROOT.resolve("pom.xml").toString(),
                "validate"), Map.of("JAVA_HOME", JDK17.toString()));
        assertThat(r.exit).isNotZero();
        assertThat(r.output).contains("Iolaus needs JDK 21 or newer to build (found 17");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
