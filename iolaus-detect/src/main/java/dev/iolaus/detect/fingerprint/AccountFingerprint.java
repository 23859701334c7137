package dev.iolaus.detect.fingerprint;

/**
 * Behavioural features of one account, derived from its {@link AccountState}.
 *
 * @param interactions volume
 * @param perDay rate: interactions per active day
 * @param gapCv coefficient of variation of log inter-arrival times (low = machine-regular)
 * @param hourEntropy Shannon entropy of the UTC hour-of-day histogram in bits (people sleep: low; bots: near 4.58)
 * @param followUpShare conversation depth: share of calls continuing a conversation
 * @param templateDiversity distinct skeletons per interaction (low = template reuse)
 * @param capabilityConcentration share of the most frequent capability
 * @param cotShare share of chain-of-thought elicitation
 * @param tellShare share of any extraction tell
 * @param paramUniformity share of calls with the same parameters as the previous call
 * @param distinctIps estimated distinct addresses
 * @param distinctPrefixes estimated distinct /24 or /48 prefixes
 * @param ageAtFirstUseHours hours from signup to first call, -1 when signup unknown
 * @param prepaid prepaid card on file
 * @param programmeClaims programme claims made
 * @param newModelShare share of calls on a model first seen globally less than 48 hours before
 * @param outputTokens output tokens served
 */
public record AccountFingerprint(int interactions, double perDay, double gapCv, double hourEntropy,
                                 double followUpShare, double templateDiversity, double capabilityConcentration,
                                 double cotShare, double tellShare, double paramUniformity, double distinctIps,
                                 double distinctPrefixes, double ageAtFirstUseHours, boolean prepaid,
                                 int programmeClaims, double newModelShare, long outputTokens) {
}
