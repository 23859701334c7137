package dev.iolaus.sim.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * One behaviour profile: a benign archetype or an attack campaign. Every key has a default so that scenario files
 * only state what differs; {@code scenarios/reference.yaml} documents them all.
 *
 * @param name archetype name or campaign id
 * @param share benign archetypes: share of the benign accounts
 * @param fixedAccounts benign archetypes: exact account count, not scaled below 1 (a single reseller), 0 = use share
 * @param accounts campaigns: active accounts at scale 1
 * @param interactions campaigns: planned interactions in all at scale 1
 * @param perDay benign archetypes: mean interactions per account per active day
 * @param volumeShape Pareto shape of per-account volume (smaller = heavier tail); 0 = equal volumes
 * @param startDay first active day (from the window start)
 * @param endDay last active day; 0 = the window end
 * @param prompts prompt pools and their weights ({@code code}, {@code reasoning}, {@code tool}, {@code general},
 *                {@code chat}, {@code roles}, {@code eval}, {@code sensitive})
 * @param mundane campaigns: share of benign-looking prompts mixed in
 * @param wrappers campaigns: wrapper families and weights
 * @param paraphrase campaigns: probability a wrapper or system prompt is paraphrased rather than the canonical one
 * @param format campaigns: probability of a dataset output-format instruction
 * @param system system prompt style: {@code none}, {@code casual}, {@code app}, {@code roles}, {@code campaign}
 * @param systemRate probability a request carries the system prompt
 * @param followup probability that a request continues the previous conversation
 * @param fixedPrompts number of distinct prompts the account repeats verbatim (eval suites, CI), 0 = composed
 * @param models model mix
 * @param adoptShare share of traffic moving to a model released during the window
 * @param adoptHours hours after the release by which that share has moved
 * @param clients client (SDK) families and weights, or literal user agents containing '/'
 * @param network where requests come from
 * @param timing when requests are sent
 * @param params sampling parameters sent
 * @param identity signup, email and payment details
 * @param reserves campaigns: reserve accounts that replace blocked ones
 * @param host campaigns: name of a benign archetype whose (first) account carries this traffic, or null
 * @param endUsers benign archetypes: end users each account serves and names in every call (a reseller's customers,
 *                 sent as OpenAI's {@code safety_identifier} / Anthropic's {@code metadata.user_id}), scaled with
 *                 {@code --scale}; 0 = none. Campaigns with a host: the end-user ids the hosted sender holds at its
 *                 host at once (not scaled; default 1 when the host names end users); it signs up a new one at the
 *                 host when one is blocked (after a mean of its reserves' {@code delay_minutes})
 */
public record Population(String name, Double share, Integer fixedAccounts, Integer accounts, Long interactions,
                         Double perDay, Double volumeShape, Double startDay, Double endDay,
                         Map<String, Double> prompts, Double mundane, Map<String, Double> wrappers,
                         Double paraphrase, Double format, String system, Double systemRate, Double followup,
                         Integer fixedPrompts, Map<String, Double> models, Double adoptShare, Double adoptHours,
                         Map<String, Double> clients, Network network, Timing timing, Params params,
                         Identity identity, Reserves reserves, String host, Integer endUsers) {
    public Population {
        Objects.requireNonNull(name, "every archetype and campaign needs a 'name'");
        share = nz(share, 0);
        fixedAccounts = fixedAccounts == null ? 0 : fixedAccounts;
        accounts = accounts == null ? 0 : accounts;
        interactions = interactions == null ? 0L : interactions;
        perDay = nz(perDay, 5);
        volumeShape = nz(volumeShape, 0);
        startDay = nz(startDay, 0);
        endDay = nz(endDay, 0);
        prompts = prompts == null || prompts.isEmpty() ? Map.of("chat", 1.0) : Map.copyOf(prompts);
        mundane = nz(mundane, 0);
        wrappers = wrappers == null ? Map.of() : Map.copyOf(wrappers);
        paraphrase = nz(paraphrase, 0);
        format = nz(format, 0);
        system = system == null ? "none" : system;
        systemRate = nz(systemRate, 1);
        followup = nz(followup, 0);
        fixedPrompts = fixedPrompts == null ? 0 : fixedPrompts;
        models = models == null || models.isEmpty()
                ? Map.of("aurora-large", 0.25, "aurora-medium", 0.5, "aurora-small", 0.2, "aurora-reasoning", 0.05)
                : Map.copyOf(models);
        adoptShare = nz(adoptShare, 0);
        adoptHours = nz(adoptHours, 72);
        clients = clients == null || clients.isEmpty() ? Map.of("mixed", 1.0) : Map.copyOf(clients);
        network = network == null ? Network.DEFAULT : network;
        timing = timing == null ? Timing.DEFAULT : timing;
        params = params == null ? Params.DEFAULT : params;
        identity = identity == null ? Identity.DEFAULT : identity;
        reserves = reserves == null ? Reserves.NONE : reserves;
        endUsers = endUsers == null ? 0 : endUsers;
        if (endUsers < 0) {
            throw new IllegalArgumentException("'" + name + "': end_users must be >= 0, was " + endUsers);
        }
        if (!(share >= 0) || !(mundane >= 0 && mundane <= 1) || !(paraphrase >= 0 && paraphrase <= 1)) {
            throw new IllegalArgumentException("'" + name + "': share must be >= 0, mundane and paraphrase in [0, 1]");
        }
    }

    static double nz(Double v, double d) {
        return v == null ? d : v;
    }
}
