package dev.iolaus.detect.policy;

import java.util.Objects;

/**
 * An attribute strong enough to link an account to a campaign on its own when it is rare, such as a payment
 * fingerprint hash: what the {@link Cauterizer} remembers of blocked campaigns.
 *
 * @param kind one of the kind constants here, or a detector-defined kind
 * @param value the attribute value (hashes, never raw card or key data)
 */
public record StrongAttribute(String kind, String value) {
    /** Hash of the processor's card fingerprint. */
    public static final String PAYMENT_FINGERPRINT = "payment_fingerprint";
    /** Header-order hash with the user agent (or JA4). */
    public static final String CLIENT_FINGERPRINT = "client_fingerprint";
    /** A prompt template's locality-sensitive signature (from a detector's features). */
    public static final String TEMPLATE_SIGNATURE = "template_signature";
    /** A group of signups close in time and network: the same /24 (or /48) in the same hour. */
    public static final String SIGNUP_BURST = "signup_burst";
    /** The five-minute slot of a signup, from anywhere: a burst through proxies, but also every stranger of those minutes. */
    public static final String SIGNUP_MINUTE = "signup_minute";
    /** Domain part of the signup email, lower case. */
    public static final String EMAIL_DOMAIN = "email_domain";
    /** The {@code /24} (IPv6 {@code /48}) network of the signup address. */
    public static final String SIGNUP_NETWORK = "signup_network";
    /** Hash of the system prompt. */
    public static final String SYSTEM_PROMPT = "system_prompt";

    public StrongAttribute {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** True for what a call sends (a template signature, a system prompt) rather than who sends it or from where. */
    public boolean content() {
        return kind.equals(TEMPLATE_SIGNATURE) || kind.equals(SYSTEM_PROMPT);
    }

    @Override
    public String toString() {
        return kind + "=" + value;
    }
}
