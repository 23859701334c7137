package dev.iolaus.eval;

import dev.iolaus.sim.Truth;
import java.util.Map;

/**
 * The stream without enforcement: what each campaign sends and is served when nobody stops it, the denominator of
 * leakage (planned interactions default to the truth's plan, planned output tokens come from here).
 *
 * @param servedInteractions served calls per campaign id
 * @param outputTokens output tokens served per campaign id
 * @param servedByAccount served calls per account (hosted campaigns are estimated from their host's share)
 * @param separability field to AUC
 * @param truth truth at the end of the reference stream
 * @param events events in the stream
 */
record Reference(Map<String, Long> servedInteractions, Map<String, Long> outputTokens,
                 Map<String, Long> servedByAccount, Map<String, Double> separability, Truth truth, long events) {
}
