package dev.iolaus.detect.policy;

import dev.iolaus.model.Funding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is known about an account when a policy fills decision scopes and evaluates {@code account.*} filters.
 *
 * @param accountId the account
 * @param createdAt signup time, or null when no signup event was seen
 * @param lastIp address of its latest interaction (or its signup address), or null
 * @param keyIds API key ids it used, most recent last (bounded)
 * @param paymentFingerprints payment fingerprint hashes it added (bounded)
 * @param funding funding of its latest payment method, or null
 * @param country declared country, or null
 * @param plan plan name, or null
 */
public record AccountInfo(String accountId, Instant createdAt, String lastIp, List<String> keyIds,
                          List<String> paymentFingerprints, Funding funding, String country, String plan) {
    public AccountInfo {
        Objects.requireNonNull(accountId, "accountId");
        keyIds = keyIds == null ? List.of() : List.copyOf(keyIds);
        paymentFingerprints = paymentFingerprints == null ? List.of() : List.copyOf(paymentFingerprints);
    }

    /** An account about which nothing but its id is known. */
    public static AccountInfo unknown(String accountId) {
        return new AccountInfo(accountId, null, null, List.of(), List.of(), null, null, null);
    }
}
