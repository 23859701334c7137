package dev.iolaus.server.analyze;

import dev.iolaus.detect.policy.Policy;
import dev.iolaus.io.policy.PolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The policies shipped in {@code policies/}, packaged in the jar, and loading of a user's file. */
public final class Policies {
    private static final String DEFAULT = "/dev/iolaus/server/policies/default.yaml";

    private Policies() {
    }

    /** The shipped {@code policies/default.yaml}. */
    public static Policy defaultPolicy() {
        try (InputStream in = Policies.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("default policy missing from the jar (" + DEFAULT + ")");
            }
            return PolicyLoader.parse(in, "policies/default.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The policy in {@code file}, or the default one when {@code file} is null. */
    public static Policy load(Path file) {
        return file == null ? defaultPolicy() : PolicyLoader.load(file);
    }
}
