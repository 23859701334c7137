package dev.iolaus.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.iolaus.sim.scenario.ScenarioSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Loads scenario files: a built-in name ({@code smoke}, {@code hydra-2026}, ...) or a path to any YAML file. */
public final class ScenarioLoader {
    /** Names of the scenarios shipped in {@code scenarios/}. */
    public static final List<String> BUILT_IN =
            List.of("smoke", "hydra-2026", "feb-2026", "benign-lookalikes", "reseller-mix", "adaptive");

    private static final ObjectMapper YAML = mapper();

    private ScenarioLoader() {
    }

    /** Loads a built-in scenario by name, or a YAML file by path; throws IllegalArgumentException with the reason. */
    public static ScenarioSpec load(String nameOrPath) {
        String res = "scenarios/" + nameOrPath + ".yaml";
        if (!nameOrPath.contains("/") && !nameOrPath.endsWith(".yaml") && !nameOrPath.endsWith(".yml")) {
            try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(res)) {
                if (in != null) {
                    return parse(in, nameOrPath);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("unknown scenario '" + nameOrPath + "': not a built-in name "
                    + BUILT_IN + " and no such file");
        }
        try (InputStream in = Files.newInputStream(p)) {
            return parse(in, p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + p, e);
        }
    }

    /** Parses YAML text, e.g. from a test. */
    public static ScenarioSpec parse(InputStream in, String origin) {
        try {
            return YAML.readValue(in, ScenarioSpec.class);
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException
                    ? e.getCause() : e;
            throw new IllegalArgumentException("scenario " + origin + ": " + firstLine(c.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static ObjectMapper mapper() {
        SimpleModule instants = new SimpleModule("instants");
        instants.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                try {
                    return Instant.parse(p.getValueAsString());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + p.getValueAsString()
                            + "' is not an ISO-8601 instant such as 2026-04-01T00:00:00Z", e);
                }
            }
        });
        return new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(instants);
    }
}
