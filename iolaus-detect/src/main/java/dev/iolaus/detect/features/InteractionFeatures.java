package dev.iolaus.detect.features;

/**
 * Everything the detector needs from one interaction, extracted once, as primitives (hashes instead of strings).
 *
 * @param capability capability targeted
 * @param cotScore strongest chain-of-thought cue score in one window (0 when none)
 * @param cot chain-of-thought elicitation detected
 * @param rewrite censorship- or safety-evading rewrite request detected
 * @param grading grading or reward-model prompt detected
 * @param dataset dataset-building tell detected
 * @param skeleton hash of the whole normalised skeleton (slot-filled prompts of one template collide); 0 when empty
 * @param headBand0 first MinHash band key over the first non-stop-word skeleton tokens (the frame before a payload)
 * @param headBand1 second band key of the same
 * @param tailBand0 first MinHash band key over the last non-stop-word skeleton tokens (the frame after a payload)
 * @param tailBand1 second band key of the same
 * @param systemHash hash of the system prompt text, 0 when none
 * @param systemBand MinHash band key of the system prompt (survives light paraphrase), 0 when none
 * @param promptTokens tokens read from the last user turn
 * @param turns number of messages
 * @param followUp the call continues a conversation (an assistant turn precedes it)
 * @param paramHash hash of temperature, top_p, max_tokens, n, stream, tools and response format
 * @param clientHash hash of user agent, header order and JA4
 * @param sdkHash hash of the SDK family and version parsed from the user agent
 * @param modelHash hash of the model name
 * @param prefixHash hash of the /24 (IPv4) or /48 (IPv6) prefix, 0 when unknown
 * @param asn autonomous system number, 0 when unknown
 * @param ipFlags bit 0 datacenter, 1 cloud, 2 vpn, 3 tor, 4 residential proxy
 * @param outputTokens output tokens served
 * @param outInRatio output over input tokens
 */
public record InteractionFeatures(Capability capability, float cotScore, boolean cot, boolean rewrite, boolean grading,
                                  boolean dataset, long skeleton, long headBand0, long headBand1, long tailBand0,
                                  long tailBand1, long systemHash, long systemBand, int promptTokens, int turns,
                                  boolean followUp, long paramHash, long clientHash, long sdkHash, long modelHash,
                                  long prefixHash, int asn, int ipFlags, int outputTokens, float outInRatio) {

    /** True when any extraction tell fired: chain-of-thought, safety rewrite, grading or dataset building. */
    public boolean extractionTell() {
        return cot || rewrite || grading || dataset;
    }
}
