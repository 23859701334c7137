package dev.iolaus.detect.engine;

import dev.iolaus.detect.policy.AttributeExtractor;
import dev.iolaus.detect.policy.Cauterizer;
import dev.iolaus.detect.policy.Decider;
import dev.iolaus.detect.policy.DefaultAttributeExtractor;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.policy.StrongAttribute;
import dev.iolaus.detect.policy.Subject;
import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.AccountEventType;
import dev.iolaus.model.Action;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedded engine: drives detectors over account events and interactions in event time, applies the policy and
 * the cauterizer, keeps the {@link DecisionTable}, and tells listeners about decisions and campaigns.
 *
 * <p>Single-threaded and synchronous: {@link #accept(Interaction)} returns when the event has been through every
 * detector. Feed it a time-ordered merge of files (the retro-hunt) or wrap it in an {@link EngineQueue} (live mode).
 * Watermarks follow event time: every {@link EngineOptions#watermarkIntervalMs()} the detectors get
 * {@link Detector#onWatermark} and lapsed decisions expire. Nothing here reads the wall clock.
 */
public final class Engine {
    private static final int SWEEP_PASSES = 4;
    private static final long SWEEP_SPACING_MS = 15 * 60_000L;

    private final List<Detector> detectors;
    private final Decider decider;
    private final Cauterizer cauterizer;
    private final AttributeExtractor extractor;
    private final EngineOptions options;
    private final AccountDirectory directory;
    private final DecisionTable table = new DecisionTable();
    private final CampaignBook campaigns;
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final Sink sink = new Sink();
    private final List<StrongAttribute> fresh = new ArrayList<>(8);
    /** Profiles each campaign matched at its last report, to decide only new members when nothing else changed. */
    private final Map<String, BitSet> matchedProfiles = new HashMap<>();
    private final Set<String> sweptCampaigns = new HashSet<>();

    private long maxEventMs = Long.MIN_VALUE;
    private long watermarkMs = Long.MIN_VALUE;
    private long nextWatermarkMs = Long.MIN_VALUE;
    private long interactions;
    private long accountEvents;
    private long findings;
    private long decisions;
    private long cauterized;
    private long campaignUpdates;
    private long late;
    private long lastSweepMs = Long.MIN_VALUE / 2;

    /** An engine with the default attribute extraction and options. */
    public Engine(List<Detector> detectors, Policy policy) {
        this(detectors, policy, new DefaultAttributeExtractor(), EngineOptions.DEFAULT);
    }

    /**
     * An engine.
     *
     * @param detectors detectors to drive, each used by this engine only
     * @param policy the decision policy
     * @param extractor strong-attribute extraction for cauterization (the default one, optionally followed by a
     *     detector's richer features)
     * @param options watermark and memory settings
     */
    public Engine(List<Detector> detectors, Policy policy, AttributeExtractor extractor, EngineOptions options) {
        this.detectors = List.copyOf(detectors);
        this.options = Objects.requireNonNull(options, "options");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.directory = new AccountDirectory(options.maxAccounts());
        this.decider = new Decider(policy, directory);
        this.cauterizer = new Cauterizer(policy.cauterize());
        this.campaigns = new CampaignBook(directory, cauterizer);
    }

    /** Adds a listener; called on the engine thread. */
    public Engine addListener(EngineListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
        return this;
    }

    /** Processes an account event: directory, signup-time cauterization, then the detectors. */
    public void accept(AccountEvent e) {
        long t = e.timeMs();
        advance(t);
        accountEvents++;
        AccountDirectory.Entry en = directory.update(e);
        fresh.clear();
        boolean active = en.interactions > 0;
        extractor.fromAccountEvent(e, a -> {
            if (en.addAttribute(a)) {
                cauterizer.observe(a, active);
                fresh.add(a);
            }
        });
        if (!fresh.isEmpty() && (e.type() == AccountEventType.CREATED || e.type() == AccountEventType.PAYMENT_METHOD_ADDED
                || en.interactions == 0)) {
            cauterize(e.accountId(), t);
        }
        for (Detector d : detectors) {
            d.onAccountEvent(e, sink);
        }
    }

    /** Processes an interaction: directory, first-request cauterization, then the detectors. */
    public void accept(Interaction i) {
        long t = i.timeMs();
        advance(t);
        interactions++;
        AccountDirectory.Entry en = directory.update(i);
        if (en.interactions == 1 && en.attributes.length > 0) {
            // Its signup attributes were counted as a dormant account's: from now on it is an active carrier.
            cauterizer.activated(i.accountId(), List.of(en.attributes));
        }
        fresh.clear();
        // A full attribute list takes nothing more: skip the extraction and its allocations.
        if (en.attributes.length < AccountDirectory.MAX_ATTRIBUTES) {
            // What a host's end user sends is not the host's: a reseller is never cauterized by a customer's templates
            // or system prompts (the end user itself is judged as a sub-account by the detectors).
            boolean endUser = i.endUserId() != null;
            extractor.fromInteraction(i, a -> {
                if (!(endUser && a.content()) && en.addAttribute(a)) {
                    cauterizer.observe(a);
                    fresh.add(a);
                }
            });
        }
        if (en.interactions == 1 || !fresh.isEmpty()) {
            cauterize(i.accountId(), t);
        }
        for (Detector d : detectors) {
            d.onInteraction(i, sink);
        }
    }

    private void cauterize(String accountId, long t) {
        if (!cauterizer.settings().enabled()) {
            return;
        }
        // Already blocked (as a campaign member or earlier link): nothing to add. Members of other, unblocked
        // campaigns are still checked: a link to a blocked campaign outranks a weaker finding.
        Decision held = table.any(Scope.ACCOUNT, accountId, t);
        if (held != null && held.action() == Action.BLOCK) {
            return;
        }
        Decision d = cauterizer.check(accountId, directory.attributes(accountId), t,
                directory.interactions(accountId));
        if (d != null) {
            cauterized++;
            emit(d);
        }
    }

    /** Moves event time forward to {@code nowMs} (no event earlier than it follows), running due watermarks. */
    public void advanceTo(long nowMs) {
        advance(nowMs);
    }

    private void advance(long t) {
        if (t > maxEventMs) {
            maxEventMs = t;
        }
        long wm = maxEventMs - options.allowedLatenessMs();
        if (t < watermarkMs) {
            late++;
        }
        if (nextWatermarkMs == Long.MIN_VALUE) {
            nextWatermarkMs = wm + options.watermarkIntervalMs();
            watermarkMs = wm;
            return;
        }
        if (wm >= nextWatermarkMs) {
            watermark(wm);
            nextWatermarkMs = wm - wm % options.watermarkIntervalMs() + options.watermarkIntervalMs();
        }
    }

    private void watermark(long wm) {
        watermarkMs = wm;
        for (Detector d : detectors) {
            d.onWatermark(wm, sink);
        }
        table.expire(wm, d -> {
            for (EngineListener l : listeners) {
                l.onExpired(d);
            }
        });
    }

    /** End of input: a last watermark at the newest event time so detectors finish their windows. */
    public void finish() {
        if (maxEventMs != Long.MIN_VALUE) {
            watermark(maxEventMs);
        }
    }

    private void emit(Decision d) {
        decisions++;
        table.put(d);
        for (EngineListener l : listeners) {
            l.onDecision(d);
        }
    }

    private void emitAll(List<Decision> ds, Campaign campaign) {
        boolean registered = false;
        for (Decision d : ds) {
            emit(d);
            if (campaign != null && d.action() == Action.BLOCK) {
                registered |= campaigns.blocked(campaign, d);
            }
        }
        if (registered) {
            // Only a campaign's first block sweeps at once. A growing campaign re-registers with every new member;
            // sweeping every dormant account each time was quadratic (a full-scale hydra-2026 replay: 25,000
            // members x 50,000 dormant reserves). Later sweeps are spaced; first requests are checked anyway.
            sweepDormant(maxEventMs, sweptCampaigns.add(campaign.id()));
        }
    }

    /**
     * A campaign was blocked: check every account that signed up but sent nothing yet, so its held-back reserves are
     * blocked before their first request. Linked accounts' attributes join the campaign, so passes repeat (at most
     * {@value #SWEEP_PASSES}) while they find more.
     */
    private void sweepDormant(long t, boolean newBlock) {
        // A growing campaign re-registers often; its sweeps are spaced out (first requests are checked anyway).
        if (!cauterizer.settings().enabled() || !newBlock && t < lastSweepMs + SWEEP_SPACING_MS) {
            return;
        }
        lastSweepMs = t;
        for (int pass = 0; pass < SWEEP_PASSES; pass++) {
            long before = cauterized;
            for (String id : directory.dormantAccounts()) {
                cauterize(id, t);
            }
            if (cauterized == before) {
                return;
            }
        }
    }

    /** Routes detector output through the policy. */
    private final class Sink implements Findings {
        @Override
        public void flag(AccountFinding f) {
            findings++;
            for (EngineListener l : listeners) {
                l.onFinding(f);
            }
            Campaign c = f.campaignId() == null ? null : campaigns.get(f.campaignId());
            emitAll(decider.decide(Subject.of(f, c, directory.account(f.accountId()))), c);
        }

        @Override
        public void campaign(Campaign c) {
            campaignUpdates++;
            CampaignBook.Update u = campaigns.update(c);
            for (EngineListener l : listeners) {
                l.onCampaign(c);
            }
            if (c.merged()) {
                // Its accounts are the other campaign's now, decided under that one: nothing to decide here.
                matchedProfiles.remove(c.id());
                return;
            }
            // Decided at the current event time: the campaign is known now, whatever its members' timestamps say.
            // An update that neither adds members nor raises the score is not decided again; one that only adds
            // members decides their account-level scopes (the others were decided before), so a large campaign
            // reported every minute costs its growth, not its size.
            Instant now = Instant.ofEpochMilli(maxEventMs);
            Campaign prev = u.previous();
            Subject whole = Subject.of(c, now);
            BitSet matching = decider.matching(whole);
            BitSet before = matchedProfiles.put(c.id(), matching);
            if (prev == null || !matching.equals(before)
                    || c.score() >= prev.score() + decider.policy().minScoreRise()) {
                emitAll(decider.decide(whole), c);
            } else if (!u.newMembers().isEmpty()) {
                emitAll(decider.decide(Subject.ofNewMembers(c, now, u.newMembers())), c);
            }
            if (u.linked()) {
                sweepDormant(maxEventMs, false);
            }
        }

        @Override
        public void decision(Decision d) {
            boolean shadow = d.shadow() || decider.policy().shadowDetectors().contains(d.detector());
            emit(shadow == d.shadow() ? d : new Decision(d.id(), d.scope(), d.value(), d.action(), d.reason(),
                    d.evidenceRef(), d.detector(), d.score(), d.createdAt(), d.expiresAt(), true));
        }
    }

    /**
     * The strongest enforced decision applying to this request (account, key, IP, CIDR, campaign, payment; and the
     * end user it names, as the sub-account {@code account~end user}, with that end user's campaign).
     */
    public Decision enforcement(Interaction i) {
        Decision d = table.match(i.accountId(), i.apiKeyId(), i.clientIp(), campaigns.campaignOf(i.accountId()),
                directory.account(i.accountId()).paymentFingerprints(), i.timeMs());
        if (i.endUserId() != null) {
            String sub = i.principal();
            d = DecisionTable.stronger(d, table.match(sub, null, null, campaigns.campaignOf(sub), List.of(),
                    i.timeMs()));
        }
        return d;
    }

    /** The decisions in force. */
    public DecisionTable decisions() {
        return table;
    }

    /** Latest state of every campaign reported, by id. */
    public Map<String, Campaign> campaigns() {
        return campaigns.all();
    }

    /** What the engine knows of accounts. */
    public AccountDirectory accounts() {
        return directory;
    }

    /** The cauterizer, for its counters. */
    public Cauterizer cauterizer() {
        return cauterizer;
    }

    /** Counters so far. */
    public EngineStats stats() {
        return new EngineStats(interactions, accountEvents, findings, decisions, cauterized, campaignUpdates, late,
                watermarkMs);
    }
}
