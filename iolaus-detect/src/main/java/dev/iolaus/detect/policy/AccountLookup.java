package dev.iolaus.detect.policy;

/** Finds what is known about an account; the engine's account directory implements it. */
@FunctionalInterface
public interface AccountLookup {

    /** The account's known attributes, or {@link AccountInfo#unknown} when it was never seen. */
    AccountInfo account(String accountId);

    /** A lookup that knows nothing. */
    AccountLookup NONE = AccountInfo::unknown;
}
