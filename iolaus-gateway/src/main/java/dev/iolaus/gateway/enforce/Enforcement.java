package dev.iolaus.gateway.enforce;

import dev.iolaus.model.Decision;

/**
 * The gateway's view of the engine's decisions: fed with {@link #accept(Decision)}, queried per request in O(1).
 *
 * <p>This is the one place decisions enter the gateway; whatever produces them (the embedded engine, a file, an
 * operator) calls {@code accept}. Lookups never block and allocate nothing on a miss.
 */
public interface Enforcement {

    /** Adds or replaces a decision (same id replaces); an expired decision is ignored. */
    void accept(Decision decision);

    /** Withdraws a decision by id; unknown ids are ignored. */
    void revoke(String decisionId);

    /**
     * Records that accounts belong to a campaign, so campaign-scoped decisions and limits reach them; a sub-account id
     * ({@code account~end user}) links that end user's calls only, never its host's other calls.
     */
    void linkCampaign(String campaignId, Iterable<String> accountIds);

    /** Records an account's payment fingerprint hash, so payment-scoped decisions reach it. */
    void linkPayment(String accountId, String paymentFingerprintHash);

    /**
     * The strongest decision in force for this caller, or null.
     *
     * @param accountId the authenticated account
     * @param endUserId the end user the request names ({@code EndUser}), or null: when set, ACCOUNT-scope decisions on
     *     the sub-account {@code account~end user} apply too (never to the account's other calls)
     * @param apiKeyId the key id
     * @param ip the client address as text
     * @param nowMs wall-clock time of the request, epoch milliseconds
     * @return the enforced decision with the strongest action, or null when none applies
     */
    Decision lookup(String accountId, String endUserId, String apiKeyId, String ip, long nowMs);

    /** Like {@link #lookup} but over shadow decisions only: what would have applied. */
    Decision lookupShadow(String accountId, String endUserId, String apiKeyId, String ip, long nowMs);

    /** {@link #lookup(String, String, String, String, long)} for a request that names no end user. */
    default Decision lookup(String accountId, String apiKeyId, String ip, long nowMs) {
        return lookup(accountId, null, apiKeyId, ip, nowMs);
    }

    /** {@link #lookupShadow(String, String, String, String, long)} for a request that names no end user. */
    default Decision lookupShadow(String accountId, String apiKeyId, String ip, long nowMs) {
        return lookupShadow(accountId, null, apiKeyId, ip, nowMs);
    }

    /**
     * True when some decision (enforced or shadow) targets an end user of this account, a sub-account
     * {@code account~end user}, or some end user of it is linked to a campaign: only then does a request of the
     * account need its body read for the end user before the lookup, so every other call skips that read.
     */
    boolean hasEndUserDecisions(String accountId);

    /** The campaign an account (or a sub-account {@code account~end user}) is linked to, or null. */
    String campaignOf(String accountId);
}
