package dev.iolaus.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One API call, allowed or not: the unit every detector consumes.
 *
 * @param eventId unique id of this event
 * @param time event time (millisecond precision)
 * @param accountId the paying account
 * @param apiKeyId id of the key used (never the key itself)
 * @param orgId organisation, or null
 * @param clientIp caller address as text (IPv4 or IPv6)
 * @param userAgent the User-Agent header, or null
 * @param client header-order hash and JA4
 * @param flavour API shape called
 * @param model model requested
 * @param params request parameters
 * @param messages system and user/assistant turns in order
 * @param conversationId client-supplied conversation id, or null
 * @param usage token counts
 * @param latencyMs time to the last byte, milliseconds
 * @param status HTTP status returned to the client
 * @param errorType error type when status is not 2xx (e.g. {@code rate_limited}, {@code blocked}), else null
 * @param endUserId the caller's own end user, when the account serves others (a reseller, a platform) and sends the id
 *     providers ask for ({@code user} / {@code safety_identifier} in OpenAI's API, {@code metadata.user_id} in
 *     Anthropic's); null when absent. With it, detection treats each end user as a sub-account ({@link #principal()})
 */
public record Interaction(String eventId, Instant time, String accountId, String apiKeyId, String orgId,
                          String clientIp, String userAgent, ClientFingerprint client, ApiFlavour flavour,
                          String model, RequestParams params, List<Message> messages, String conversationId,
                          Usage usage, long latencyMs, int status, String errorType, String endUserId) {
    /** Separates an account id from an end-user id in a sub-account id ({@link #principal()}). */
    public static final char SUB_ACCOUNT_SEPARATOR = '~';

    public Interaction {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(flavour, "flavour");
        client = client == null ? ClientFingerprint.UNKNOWN : client;
        params = params == null ? RequestParams.NONE : params;
        messages = messages == null ? List.of() : List.copyOf(messages);
        usage = usage == null ? Usage.ZERO : usage;
        endUserId = endUserId == null || endUserId.isEmpty() ? null : endUserId;
    }

    /** An interaction that names no end user. */
    public Interaction(String eventId, Instant time, String accountId, String apiKeyId, String orgId,
                       String clientIp, String userAgent, ClientFingerprint client, ApiFlavour flavour,
                       String model, RequestParams params, List<Message> messages, String conversationId,
                       Usage usage, long latencyMs, int status, String errorType) {
        this(eventId, time, accountId, apiKeyId, orgId, clientIp, userAgent, client, flavour, model, params, messages,
                conversationId, usage, latencyMs, status, errorType, null);
    }

    /**
     * Who detection judges for this call: the account, or, when the call names an end user, the sub-account
     * {@code <account>~<end user>} (an attacker among a reseller's end users can then be blocked without its host).
     */
    public String principal() {
        return endUserId == null ? accountId : subAccount(accountId, endUserId);
    }

    /** The sub-account id of an end user of an account. */
    public static String subAccount(String accountId, String endUserId) {
        return accountId + SUB_ACCOUNT_SEPARATOR + endUserId;
    }

    /** The account part of a principal ({@link #principal()}): the id itself when it names no end user. */
    public static String accountOf(String principal) {
        int i = principal.indexOf(SUB_ACCOUNT_SEPARATOR);
        return i < 0 ? principal : principal.substring(0, i);
    }

    /** Event time in epoch milliseconds. */
    public long timeMs() {
        return time.toEpochMilli();
    }

    /** The system prompt, or null when there is none (or it is redacted). */
    public Message systemMessage() {
        for (Message m : messages) {
            if (m.role() == Role.SYSTEM) {
                return m;
            }
        }
        return null;
    }

    /** The last user turn: what this call asks. Null when there is none. */
    public Message lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i);
            }
        }
        return null;
    }

    /** True when the call was served by the model (2xx). */
    public boolean served() {
        return status >= 200 && status < 300;
    }
}
