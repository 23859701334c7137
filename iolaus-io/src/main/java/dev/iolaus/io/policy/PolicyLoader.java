package dev.iolaus.io.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.iolaus.detect.policy.CauterizeSettings;
import dev.iolaus.detect.policy.DecisionSpec;
import dev.iolaus.detect.policy.Durations;
import dev.iolaus.detect.policy.Escalation;
import dev.iolaus.detect.policy.Filter;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.policy.Profile;
import dev.iolaus.model.Action;
import dev.iolaus.model.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a policy file (YAML, ordered profiles as CrowdSec's {@code profiles.yaml}) into a {@link Policy}.
 *
 * <p>Strict: an unknown key, a wrong type or a bad value is an error naming the file and the path of the value
 * ({@code profiles[1].decisions[0].action}), so that a typo never silently weakens a policy. The format is described
 * in {@code docs/policy.md} and {@code policies/reference.yaml}.
 */
public final class PolicyLoader {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> TOP = Set.of("version", "profiles", "shadow_detectors", "min_score_rise",
            "max_tracked", "cauterize");
    private static final Set<String> PROFILE = Set.of("name", "filters", "decisions", "on_success", "shadow",
            "escalate");
    private static final Set<String> DECISION = Set.of("action", "scope", "duration", "prefix");
    private static final Set<String> ESCALATE = Set.of("after", "within", "to", "ladder");
    private static final Set<String> CAUTERIZE = Set.of("enabled", "duration", "kinds", "min_member_share",
            "min_members", "max_link_ratio", "capacity");

    private PolicyLoader() {
    }

    /** Classpath location of the shipped {@code policies/default.yaml}. */
    private static final String DEFAULT = "/policies/default.yaml";

    /** The shipped {@code policies/default.yaml}, packaged in the jar. */
    public static Policy defaultPolicy() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("default policy missing from the jar (" + DEFAULT + ")");
            }
            return parse(in, "policies/default.yaml");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Loads a policy file. */
    public static Policy load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read policy " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses policy YAML; {@code source} names it in errors. */
    public static Policy parse(InputStream yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read policy " + source + ": " + e.getMessage(), e);
        }
        try {
            return policy(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** Parses policy YAML text. */
    public static Policy parse(String yaml, String source) {
        return parse(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), source);
    }

    private static Policy policy(JsonNode root) {
        ObjectNode o = object(root, "(top level)", TOP);
        if (o.has("version") && o.get("version").asInt(-1) != 1) {
            throw new IllegalArgumentException("version: only version 1 is known, was " + o.get("version"));
        }
        JsonNode ps = o.get("profiles");
        if (ps == null || !ps.isArray()) {
            throw new IllegalArgumentException("profiles: required, a list of profiles");
        }
        List<Profile> profiles = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            profiles.add(profile(ps.get(i), "profiles[" + i + "]"));
        }
        Set<String> shadow = new LinkedHashSet<>(strings(o.get("shadow_detectors"), "shadow_detectors"));
        double rise = number(o.get("min_score_rise"), "min_score_rise", 0.05);
        int maxTracked = (int) number(o.get("max_tracked"), "max_tracked", 1_000_000);
        CauterizeSettings c = o.has("cauterize") ? cauterize(o.get("cauterize")) : CauterizeSettings.DEFAULT;
        return new Policy(profiles, shadow, rise, c, maxTracked);
    }

    private static Profile profile(JsonNode n, String path) {
        ObjectNode o = object(n, path, PROFILE);
        String name = text(o.get("name"), path + ".name", null);
        if (name == null) {
            throw new IllegalArgumentException(path + ".name: required");
        }
        Filter filter;
        try {
            filter = Filter.parse(strings(o.get("filters"), path + ".filters"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ".filters: " + e.getMessage(), e);
        }
        JsonNode ds = o.get("decisions");
        if (ds == null || !ds.isArray() || ds.isEmpty()) {
            throw new IllegalArgumentException(path + ".decisions: required, a non-empty list");
        }
        List<DecisionSpec> decisions = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            decisions.add(decision(ds.get(i), path + ".decisions[" + i + "]"));
        }
        String onSuccess = text(o.get("on_success"), path + ".on_success", "continue");
        if (!onSuccess.equals("break") && !onSuccess.equals("continue")) {
            throw new IllegalArgumentException(path + ".on_success: expected break or continue, was '" + onSuccess + "'");
        }
        boolean shadow = bool(o.get("shadow"), path + ".shadow", false);
        Escalation esc = o.has("escalate") ? escalation(o.get("escalate"), path + ".escalate") : null;
        return new Profile(name, filter, decisions, onSuccess.equals("break"), shadow, esc);
    }

    private static DecisionSpec decision(JsonNode n, String path) {
        ObjectNode o = object(n, path, DECISION);
        Action action = wire(o.get("action"), path + ".action", Action::fromWire);
        Scope scope = wire(o.get("scope"), path + ".scope", Scope::fromWire);
        if (!o.has("duration")) {
            throw new IllegalArgumentException(path + ".duration: required (e.g. 24h, 30d, or forever)");
        }
        Duration d = duration(o.get("duration"), path + ".duration", true);
        int prefix = (int) number(o.get("prefix"), path + ".prefix", 24);
        try {
            return new DecisionSpec(action, scope, d, prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static Escalation escalation(JsonNode n, String path) {
        ObjectNode o = object(n, path, ESCALATE);
        int after = (int) number(o.get("after"), path + ".after", 2);
        Duration within = duration(o.get("within"), path + ".within", false);
        Action to = o.has("to") ? wire(o.get("to"), path + ".to", Action::fromWire) : Action.BLOCK;
        try {
            return new Escalation(after, within == null ? Duration.ofDays(7) : within, to,
                    bool(o.get("ladder"), path + ".ladder", false));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static CauterizeSettings cauterize(JsonNode n) {
        String path = "cauterize";
        ObjectNode o = object(n, path, CAUTERIZE);
        CauterizeSettings d = CauterizeSettings.DEFAULT;
        Set<String> kinds = o.has("kinds") ? new LinkedHashSet<>(strings(o.get("kinds"), path + ".kinds")) : d.kinds();
        Duration ttl = o.has("duration") ? duration(o.get("duration"), path + ".duration", true) : d.duration();
        try {
            return new CauterizeSettings(bool(o.get("enabled"), path + ".enabled", true), ttl, kinds,
                    number(o.get("min_member_share"), path + ".min_member_share", d.minMemberShare()),
                    o.has("min_members") ? counts(o.get("min_members"), path + ".min_members") : d.minMembers(),
                    number(o.get("max_link_ratio"), path + ".max_link_ratio", d.maxLinkRatio()),
                    (int) number(o.get("capacity"), path + ".capacity", d.capacity()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    // ---- small typed readers, each naming the path on error ----

    private static ObjectNode object(JsonNode n, String path, Set<String> allowed) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(path + ": expected a mapping");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(path + ": unknown key '" + k + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        return (ObjectNode) n;
    }

    private static String text(JsonNode n, String path, String dflt) {
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isValueNode() || n.isBoolean()) {
            throw new IllegalArgumentException(path + ": expected text");
        }
        return n.asText();
    }

    private static double number(JsonNode n, String path, double dflt) {
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException(path + ": expected a number, was " + n);
        }
        return n.asDouble();
    }

    private static boolean bool(JsonNode n, String path, boolean dflt) {
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw new IllegalArgumentException(path + ": expected true or false, was " + n);
        }
        return n.asBoolean();
    }

    private static List<String> strings(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isValueNode()) {
            return List.of(n.asText());
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(path + ": expected a list");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isValueNode()) {
                throw new IllegalArgumentException(path + "[" + i + "]: expected text (quote filters that contain"
                        + " ': ' or start with '[' or '{')");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static java.util.Map<String, Integer> counts(JsonNode n, String path) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(path + ": expected a mapping of kind to count, e.g. {default: 2}");
        }
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            out.put(k, (int) number(n.get(k), path + "." + k, 0));
        }
        return out;
    }

    private static Duration duration(JsonNode n, String path, boolean foreverAllowed) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            Duration d = Durations.parse(n.asText());
            if (d == null && !foreverAllowed) {
                throw new IllegalArgumentException("must be a finite duration");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private interface Wire<T> {
        T parse(String s);
    }

    private static <T> T wire(JsonNode n, String path, Wire<T> f) {
        String s = text(n, path, null);
        if (s == null) {
            throw new IllegalArgumentException(path + ": required");
        }
        try {
            return f.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }
}
