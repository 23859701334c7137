package dev.iolaus.gateway.keys;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.iolaus.gateway.enforce.Cidr;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An issued API key as stored: its id, the SHA-256 of the secret (never the secret), owner and restrictions.
 *
 * @param id public key id ({@code key_...}), safe to log and to put in events
 * @param hash hex SHA-256 of the secret
 * @param account owning account
 * @param org organisation, or null
 * @param createdAt creation time
 * @param expiresAt expiry, or null for never
 * @param allowedCidrs networks the key may be used from; empty means anywhere
 * @param rpm requests per minute for this key, or null for the configured default
 * @param tpm tokens per minute for this key, or null for the configured default
 * @param revokedAt revocation time, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(String id, String hash, String account, String org, Instant createdAt, Instant expiresAt,
                     List<String> allowedCidrs, Long rpm, Long tpm, Instant revokedAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(createdAt, "createdAt");
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }

    /** True when the key may be used at this time (not revoked, not expired). */
    public boolean usableAt(long nowMs) {
        return revokedAt == null && (expiresAt == null || nowMs < expiresAt.toEpochMilli());
    }

    /** Parsed allowed networks. */
    @JsonIgnore
    public List<Cidr> networks() {
        return allowedCidrs.stream().map(Cidr::parse).toList();
    }

    /** A copy revoked at the given time. */
    public ApiKey revoked(Instant at) {
        return new ApiKey(id, hash, account, org, createdAt, expiresAt, allowedCidrs, rpm, tpm, at);
    }

    /** The state word shown by {@code iolaus keys list}. */
    public String state(long nowMs) {
        if (revokedAt != null) {
            return "revoked";
        }
        return expiresAt != null && nowMs >= expiresAt.toEpochMilli() ? "expired" : "active";
    }
}
