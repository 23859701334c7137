package dev.iolaus.server.analyze;

import dev.iolaus.detect.policy.Policy;
import dev.iolaus.io.policy.PolicyLoader;
import java.nio.file.Path;

/** The policy a command runs with: the user's file, or the shipped {@code policies/default.yaml}. */
public final class Policies {
    private Policies() {
    }

    /** The shipped {@code policies/default.yaml}. */
    public static Policy defaultPolicy() {
        return PolicyLoader.defaultPolicy();
    }

    /** The policy in {@code file}, or the default one when {@code file} is null. */
    public static Policy load(Path file) {
        return file == null ? defaultPolicy() : PolicyLoader.load(file);
    }
}
