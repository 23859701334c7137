package dev.iolaus.server.stix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iolaus.detect.policy.StrongAttribute;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Evidence;
import dev.iolaus.server.analyze.Analysis;
import dev.iolaus.server.analyze.CampaignSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Exports campaigns' indicators as a STIX 2.1 bundle, the format threat-intelligence teams exchange.
 *
 * <p>Objects: one {@code identity} (Iolaus, the producer), one {@code campaign} per campaign, {@code indicator}s with
 * STIX patterns, and {@code indicates} {@code relationship}s from each indicator to its campaign. Network ranges use
 * the standard observable types ({@code [ipv4-addr:value ISSUBSET '203.0.113.0/24']}); hashed payment fingerprints
 * and template signatures have no standard observable type, so they use custom ones,
 * {@code x-iolaus-payment-fingerprint:hash} and {@code x-iolaus-template-signature:value}, and campaign counts are
 * custom {@code x_iolaus_*} properties. STIX 2.1 still accepts these custom forms (its extension definitions are the
 * newer mechanism; see {@code docs/analyze.md}). Ids are name-based UUIDv5, and timestamps are event time, so the same
 * input always gives the same bundle.
 */
public final class StixExport {
    /** Namespace of every id Iolaus mints: the UUIDv5 of {@code iolaus.dev} in the DNS namespace. */
    public static final UUID NAMESPACE = Uuid5.of(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "iolaus.dev");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String IDENTITY_CREATED = "2026-01-01T00:00:00.000Z";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Network prefixes exported per campaign, most members first. */
    static final int MAX_PREFIXES = 20;
    /** Members a network prefix must hold to be exported as an indicator. */
    static final int MIN_PREFIX_MEMBERS = 2;
    /** Payment fingerprints and template signatures exported per campaign, most members first. */
    static final int MAX_VALUES = 50;

    private StixExport() {
    }

    /** Writes {@code stix-bundle.json} into {@code dir} and returns its path. */
    public static Path write(Analysis a, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve("stix-bundle.json");
        Files.writeString(out, MAPPER.writeValueAsString(bundle(a)) + "\n");
        return out;
    }

    /** The bundle as a JSON tree. */
    public static ObjectNode bundle(Analysis a) {
        String now = TS.format(a.to());
        ObjectNode bundle = MAPPER.createObjectNode();
        ArrayNode objects = MAPPER.createArrayNode();
        String identity = id("identity", "iolaus");
        // The producer never changes, so its object version never does either.
        ObjectNode ident = sdo(objects, "identity", identity, IDENTITY_CREATED, IDENTITY_CREATED);
        ident.put("name", "Iolaus");
        ident.put("identity_class", "system");
        ident.put("description", "Iolaus distillation-campaign detector (detectors: "
                + String.join(", ", a.detectors()) + ")");
        StringBuilder names = new StringBuilder();
        for (CampaignSummary s : a.campaigns()) {
            names.append(s.id()).append('|');
            campaign(objects, s, identity, now);
        }
        bundle.put("type", "bundle");
        bundle.put("id", id("bundle", names + "@" + now));
        bundle.set("objects", objects);
        return bundle;
    }

    private static void campaign(ArrayNode objects, CampaignSummary s, String identity, String now) {
        Campaign c = s.campaign();
        String cid = id("campaign", c.id());
        // Created when first seen, modified as of the end of the analysed events: event time, never the wall clock.
        String created = c.firstSeen() != null ? TS.format(c.firstSeen()) : now;
        ObjectNode o = sdo(objects, "campaign", cid, created, now);
        o.put("created_by_ref", identity);
        o.put("name", "Distillation campaign " + c.id());
        StringBuilder desc = new StringBuilder();
        for (Evidence e : c.evidence()) {
            desc.append(desc.isEmpty() ? "" : " ").append(e.text().endsWith(".") ? e.text() : e.text() + ".");
        }
        o.put("description", desc.isEmpty() ? "Accounts acting together to extract model outputs." : desc.toString());
        if (c.firstSeen() != null) {
            o.put("first_seen", TS.format(c.firstSeen()));
        }
        if (c.lastSeen() != null) {
            o.put("last_seen", TS.format(c.lastSeen()));
        }
        o.put("objective", "Extract model outputs to train another model"
                + (c.capabilities().isEmpty() ? "" : " (" + String.join(", ", c.capabilities()) + ")"));
        o.put("x_iolaus_campaign_id", c.id());
        o.put("x_iolaus_detector", c.detector());
        o.put("x_iolaus_score", c.score());
        o.put("x_iolaus_accounts", c.accounts().size());
        o.put("x_iolaus_interactions", c.interactions());
        o.put("x_iolaus_output_tokens", c.outputTokens());
        Instant validFrom = c.firstSeen() != null ? c.firstSeen() : Instant.parse(now);
        List<String[]> indicators = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Integer> p : s.ipPrefixes().entrySet()) {
            // A prefix held by one member of a proxy-network campaign is mostly other people's addresses.
            if (p.getValue() < MIN_PREFIX_MEMBERS) {
                continue;
            }
            if (n++ >= MAX_PREFIXES) {
                break;
            }
            String type = p.getKey().indexOf(':') >= 0 ? "ipv6-addr" : "ipv4-addr";
            indicators.add(new String[] {"[" + type + ":value ISSUBSET '" + quote(p.getKey()) + "']",
                    "Network range of " + p.getValue() + " campaign accounts", "prefix|" + p.getKey()});
        }
        values(indicators, s.attributes().get(StrongAttribute.PAYMENT_FINGERPRINT), "x-iolaus-payment-fingerprint:hash",
                "Hashed payment fingerprint shared by ", "card|");
        values(indicators, s.attributes().get(StrongAttribute.TEMPLATE_SIGNATURE), "x-iolaus-template-signature:value",
                "Prompt template signature used by ", "template|");
        for (String[] ind : indicators) {
            String iid = id("indicator", c.id() + "|" + ind[2]);
            ObjectNode i = sdo(objects, "indicator", iid, created, now);
            i.put("created_by_ref", identity);
            i.put("name", ind[1]);
            i.putArray("indicator_types").add("malicious-activity");
            i.put("pattern", ind[0]);
            i.put("pattern_type", "stix");
            i.put("pattern_version", "2.1");
            i.put("valid_from", TS.format(validFrom));
            ObjectNode r = sdo(objects, "relationship", id("relationship", iid + "|indicates|" + cid), created, now);
            r.put("created_by_ref", identity);
            r.put("relationship_type", "indicates");
            r.put("source_ref", iid);
            r.put("target_ref", cid);
        }
    }

    private static void values(List<String[]> out, Map<String, Integer> values, String path, String what,
                               String key) {
        if (values == null) {
            return;
        }
        int n = 0;
        for (Map.Entry<String, Integer> v : values.entrySet()) {
            if (n++ >= MAX_VALUES) {
                break;
            }
            out.add(new String[] {"[" + path + " = '" + quote(v.getKey()) + "']",
                    what + v.getValue() + " campaign accounts", key + v.getKey()});
        }
    }

    private static ObjectNode sdo(ArrayNode objects, String type, String id, String created, String modified) {
        ObjectNode o = objects.addObject();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", created);
        o.put("modified", modified.compareTo(created) < 0 ? created : modified);
        return o;
    }

    /** A STIX id {@code <type>--<uuid5>} for a name unique within the type. */
    static String id(String type, String name) {
        return type + "--" + Uuid5.of(NAMESPACE, type + "|" + name);
    }

    /** Escapes a value for a single-quoted STIX pattern string. */
    static String quote(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }
}
