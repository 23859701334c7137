package dev.iolaus.detect.engine;

import dev.iolaus.detect.policy.Cauterizer;
import dev.iolaus.detect.policy.StrongAttribute;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's campaigns: latest state by id, account membership, and which are blocked; a blocked campaign's
 * members' strong attributes are handed to the {@link Cauterizer} (again whenever its membership grows).
 */
final class CampaignBook {
    /** A registered block is renewed when a newer decision would outlive it by more than this. */
    private static final long EXTEND_STEP_MS = 86_400_000L;
    private final AccountDirectory directory;
    private final Cauterizer cauterizer;
    private final Map<String, Campaign> byId = new LinkedHashMap<>();
    private final Map<String, String> campaignOfAccount = new HashMap<>();
    private final Map<String, Blocked> blocked = new HashMap<>();

    private record Blocked(int members, long untilMs, boolean shadow) {
    }

    CampaignBook(AccountDirectory directory, Cauterizer cauterizer) {
        this.directory = directory;
        this.cauterizer = cauterizer;
    }

    /**
     * What a campaign report changed.
     *
     * @param previous the campaign's earlier state, or null when new
     * @param newMembers members not in the earlier state
     * @param linked true when the campaign is blocked, grew, and new attribute values now link
     */
    record Update(Campaign previous, Set<String> newMembers, boolean linked) {
    }

    /** Records a campaign report; one merged into another ({@link Campaign#merged()}) is dropped. */
    Update update(Campaign c) {
        if (c.merged()) {
            Campaign old = byId.remove(c.id());
            if (old != null) {
                for (String a : old.accounts()) {
                    campaignOfAccount.remove(a, c.id());
                }
            }
            return new Update(old, Set.of(), false);
        }
        Campaign old = byId.put(c.id(), c);
        Set<String> added = new HashSet<>();
        if (old != null) {
            for (String a : old.accounts()) {
                if (!c.accounts().contains(a)) {
                    campaignOfAccount.remove(a, c.id());
                }
            }
        }
        for (String a : c.accounts()) {
            campaignOfAccount.put(a, c.id());
            if (old == null || !old.accounts().contains(a)) {
                added.add(a);
            }
        }
        Blocked b = blocked.get(c.id());
        boolean linked = b != null && grown(b, c) && register(c, b.untilMs, b.shadow);
        return new Update(old, added, linked);
    }

    /** A BLOCK decision was made in this campaign's name; true when new attribute values now link. */
    boolean blocked(Campaign c, Decision d) {
        long until = d.expiresAt() == null ? Long.MAX_VALUE : d.expiresAt().toEpochMilli();
        Blocked b = blocked.get(c.id());
        // An enforced block supersedes a shadow one; otherwise register again only once membership has grown, or
        // the block would outlive the registration by a day (every member's new decision ends a little later).
        if (b != null && !grown(b, c) && (d.shadow() || !b.shadow) && until <= b.untilMs + EXTEND_STEP_MS) {
            return false;
        }
        boolean shadow = b == null ? d.shadow() : b.shadow && d.shadow();
        return register(c, Math.max(until, b == null ? until : b.untilMs), shadow);
    }

    /**
     * True when the campaign has grown enough since its last registration to register again: by one member while
     * small, then by a tenth. Registering recounts every member's attributes, so doing it for each new member of a
     * campaign that grows to thousands of accounts was quadratic (a full-scale replay stalled on it); geometric
     * steps keep the total linear-logarithmic. Newer members' values join the blocked set at the next step.
     */
    private static boolean grown(Blocked b, Campaign c) {
        return c.accounts().size() >= b.members + Math.max(1, b.members / 10);
    }

    private boolean register(Campaign c, long untilMs, boolean shadow) {
        Map<StrongAttribute, Integer> counts = new HashMap<>();
        for (String member : c.accounts()) {
            for (StrongAttribute a : directory.attributes(member)) {
                counts.merge(a, 1, Integer::sum);
            }
        }
        Cauterizer.Registration r = cauterizer.block(c.id(), c.detector(), c.score(), counts, c.accounts().size(),
                untilMs, shadow);
        blocked.put(c.id(), new Blocked(c.accounts().size(), untilMs, shadow));
        return r.registered() > 0;
    }

    Campaign get(String id) {
        return byId.get(id);
    }

    String campaignOf(String accountId) {
        return campaignOfAccount.get(accountId);
    }

    Map<String, Campaign> all() {
        return Collections.unmodifiableMap(byId);
    }
}
