package dev.iolaus.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change in an account's life: signup, verification, payment method, closure.
 *
 * @param eventId unique id
 * @param time event time
 * @param accountId the account
 * @param type what happened
 * @param emailHash hash of the normalised email, or null
 * @param emailDomain domain part of the email, or null
 * @param signupIp address the account signed up from, or null
 * @param country declared country, or null
 * @param programmeClaims programmes claimed ({@code education}, {@code startup}, {@code research}), may be empty
 * @param payment payment method added, or null
 * @param plan plan name, or null
 */
public record AccountEvent(String eventId, Instant time, String accountId, AccountEventType type, String emailHash,
                           String emailDomain, String signupIp, String country, List<String> programmeClaims,
                           PaymentMethod payment, String plan) {
    public AccountEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        programmeClaims = programmeClaims == null ? List.of() : List.copyOf(programmeClaims);
    }

    /** Event time in epoch milliseconds. */
    public long timeMs() {
        return time.toEpochMilli();
    }
}
