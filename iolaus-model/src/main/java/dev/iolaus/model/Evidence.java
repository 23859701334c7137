package dev.iolaus.model;

/**
 * One checkable fact behind a finding, e.g. "312 accounts share system-prompt hash 9f2c…".
 *
 * @param kind machine-readable kind ({@code shared_template}, {@code cot_share}, {@code payment_cluster}, ...)
 * @param text the sentence a person reads
 * @param weight contribution to the score, in [0, 1]
 */
public record Evidence(String kind, String text, double weight) {
}
