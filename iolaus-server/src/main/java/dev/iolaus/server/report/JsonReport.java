package dev.iolaus.server.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iolaus.io.json.ReadStats;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Evidence;
import dev.iolaus.server.analyze.Analysis;
import dev.iolaus.server.analyze.CampaignSummary;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeSet;

/** {@code campaigns.json}: the machine-readable campaign report, every campaign and every decision. */
public final class JsonReport {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The report as pretty-printed JSON text. */
    public static String render(Analysis a) {
        try {
            return MAPPER.writeValueAsString(tree(a)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(Analysis a) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode run = root.putObject("run");
        strings(run.putArray("inputs"), a.inputs());
        strings(run.putArray("detectors"), a.detectors());
        run.put("policy", a.policy());
        run.put("from", a.from().toString());
        run.put("to", a.to().toString());
        ObjectNode read = root.putObject("read");
        stats(read.putObject("interactions"), a.counts().interactions());
        stats(read.putObject("accounts"), a.counts().accounts());
        ObjectNode engine = root.putObject("engine");
        engine.put("interactions", a.stats().interactions());
        engine.put("account_events", a.stats().accountEvents());
        engine.put("findings", a.stats().findings());
        engine.put("accounts_flagged", a.flagged().size());
        engine.put("decisions", a.stats().decisions());
        engine.put("cauterized", a.stats().cauterized());
        engine.put("campaign_updates", a.stats().campaignUpdates());
        engine.put("late_events", a.stats().late());
        ArrayNode campaigns = root.putArray("campaigns");
        for (CampaignSummary s : a.campaigns()) {
            campaign(campaigns.addObject(), s);
        }
        ObjectNode ds = root.putObject("decisions");
        ds.put("total", a.decisions().size());
        ObjectNode tally = ds.putObject("by_maker_action_scope");
        Reports.tally(a.decisions()).forEach(tally::put);
        ArrayNode list = ds.putArray("list");
        for (Decision d : a.decisions()) {
            decision(list.addObject(), d);
        }
        return root;
    }

    private static void campaign(ObjectNode o, CampaignSummary s) {
        Campaign c = s.campaign();
        o.put("id", c.id());
        o.put("detector", c.detector());
        o.put("score", c.score());
        o.put("accounts", c.accounts().size());
        o.put("interactions", c.interactions());
        o.put("output_tokens", c.outputTokens());
        o.put("first_seen", c.firstSeen() == null ? null : c.firstSeen().toString());
        o.put("last_seen", c.lastSeen() == null ? null : c.lastSeen().toString());
        strings(o.putArray("capabilities"), c.capabilities());
        ArrayNode ev = o.putArray("evidence");
        for (Evidence e : c.evidence()) {
            ObjectNode x = ev.addObject();
            x.put("kind", e.kind());
            x.put("text", e.text());
            x.put("weight", e.weight());
        }
        strings(o.putArray("account_ids"), new TreeSet<>(c.accounts()));
        counts(o.putObject("ip_prefixes"), s.ipPrefixes());
        ObjectNode attrs = o.putObject("attributes");
        s.attributes().forEach((kind, values) -> counts(attrs.putObject(kind), values));
        ObjectNode dec = o.putObject("decisions");
        dec.put("total", s.decisions().size());
        Reports.tally(s.decisions()).forEach(dec::put);
        strings(o.putArray("cauterized_accounts"), s.cauterized());
    }

    static void decision(ObjectNode o, Decision d) {
        o.put("id", d.id());
        o.put("scope", d.scope().wire());
        o.put("value", d.value());
        o.put("action", d.action().wire());
        o.put("reason", d.reason());
        o.put("evidence_ref", d.evidenceRef());
        o.put("detector", d.detector());
        o.put("score", d.score());
        o.put("created_at", d.createdAt().toString());
        o.put("expires_at", d.expiresAt() == null ? null : d.expiresAt().toString());
        o.put("shadow", d.shadow());
    }

    private static void stats(ObjectNode o, ReadStats s) {
        o.put("read", s.read());
        o.put("accepted", s.accepted());
        o.put("quarantined", s.quarantined());
    }

    private static void counts(ObjectNode o, Map<String, Integer> m) {
        m.forEach(o::put);
    }

    private static void strings(ArrayNode arr, Iterable<String> values) {
        for (String v : values) {
            arr.add(v);
        }
    }
}
