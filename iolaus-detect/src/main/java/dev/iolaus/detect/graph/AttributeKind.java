package dev.iolaus.detect.graph;

/**
 * Kinds of attribute that accounts may share, with how strongly sharing one links an account to a campaign.
 *
 * <p>Link weights follow what an attacker can cheaply vary and what independent people share by chance: a payment
 * card or a mailbox behind several accounts is one owner (1.0); a template frame is strong but benign users copy
 * prompting tricks too (0.7); an IP prefix or an ASN on one day is shared by whole neighbourhoods (weak). Weights of
 * one {@link Family} do not add up: a link needs a strong identity value or two families.
 */
public enum AttributeKind {
    /** MinHash band of the first tokens of the prompt skeleton: the instructions before a payload. */
    HEAD(0.7, true, Family.CONTENT, "template head"),
    /** MinHash band of the last tokens of the prompt skeleton: the instructions after a payload. */
    TAIL(0.7, true, Family.CONTENT, "template tail"),
    /** Whole normalised skeleton: slot-filled templates. */
    SKELETON(0.7, true, Family.CONTENT, "prompt skeleton"),
    /** Exact system prompt. */
    SYSTEM(0.7, true, Family.SYSTEM, "system prompt hash"),
    /** MinHash band of the system prompt (paraphrase-tolerant). */
    SYSTEM_BAND(0.6, true, Family.SYSTEM, "system prompt signature"),
    /** User agent + header order + JA4. */
    CLIENT(0.3, true, Family.NETWORK, "client fingerprint"),
    /** Caller /24 or /48. */
    PREFIX(0.4, false, Family.NETWORK, "IP prefix"),
    /** Caller ASN on one UTC day. */
    ASN_DAY(0.15, false, Family.NETWORK, "ASN on one day"),
    /** Payment processor card fingerprint. */
    PAYMENT(1.0, true, Family.IDENTITY, "payment fingerprint"),
    /** Card BIN and funding type. */
    BIN(0.4, false, Family.IDENTITY, "card BIN"),
    /** Normalised email hash (plus-addressing stripped): one mailbox behind several accounts. */
    EMAIL_HASH(0.6, false, Family.IDENTITY, "email address hash"),
    /** Email domain. */
    EMAIL_DOMAIN(0.4, false, Family.IDENTITY, "email domain"),
    /** Signup address /24 or /48. */
    SIGNUP_PREFIX(0.4, false, Family.NETWORK, "signup IP prefix"),
    /** Signups in one hour from one email domain or signup network. */
    SIGNUP_BURST(0.6, true, Family.IDENTITY, "signup burst"),
    /**
     * Signups in one 10-minute slot, whoever they are (two overlapping slot values per account). No link weight of its
     * own: customers sign up in the same minutes as a campaign's burst; it only scopes the signup-cohort card rule
     * ({@code ExclusiveChoices#cohortCard}).
     */
    SIGNUP_SLOT(0.0, false, Family.IDENTITY, "signup slot");

    /**
     * Independent dimensions of evidence. A campaign must be dense in two of them (what the accounts send, and who
     * they are or where they come from): independent people copying one prompting trick share content only.
     */
    public enum Family {
        /** What is asked: template frames and skeletons. */
        CONTENT,
        /** The system prompt. */
        SYSTEM,
        /** Who the account is: payment, email, signup. */
        IDENTITY,
        /** Where calls come from: prefixes, ASN, client stack. */
        NETWORK
    }

    private static final AttributeKind[] VALUES = values();

    private final double linkWeight;
    private final boolean strong;
    private final Family family;
    private final String label;

    AttributeKind(double linkWeight, boolean strong, Family family, String label) {
        this.linkWeight = linkWeight;
        this.strong = strong;
        this.family = family;
        this.label = label;
    }

    /** The evidence dimension. */
    public Family family() {
        return family;
    }

    /** True for kinds whose shared value is computed from the prompt text (a tell can be the value itself). */
    public boolean content() {
        return family == Family.CONTENT || family == Family.SYSTEM;
    }

    /** Weight of one shared value of this kind toward attributing an account to a campaign. */
    public double linkWeight() {
        return linkWeight;
    }

    /** True for the kinds the cauterize rule treats as strong evidence. */
    public boolean strong() {
        return strong;
    }

    /** Human name for evidence. */
    public String label() {
        return label;
    }

    /** The kind with the given ordinal. */
    public static AttributeKind of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The posting key of a value of this kind. */
    public long key(long valueHash) {
        long k = dev.iolaus.detect.features.Hash64.combine(ordinal() + 1L, valueHash);
        return k == 0 ? 1 : k;
    }
}
