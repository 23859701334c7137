/**
 * Reading foreign JSONL logs as interactions through a {@code target=source} field mapping given on the command
 * line ({@link dev.iolaus.io.mapping.FieldMapping}), with an optional label field for evaluation.
 */
package dev.iolaus.io.mapping;
