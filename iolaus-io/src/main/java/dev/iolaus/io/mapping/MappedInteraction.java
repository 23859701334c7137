package dev.iolaus.io.mapping;

import dev.iolaus.model.Interaction;

/**
 * An interaction mapped from a foreign log line, with the raw value of the optional label field.
 *
 * @param interaction the mapped interaction
 * @param label the label field's value as text, or null when no label field is configured or the line has none
 *              (which the eval harness reads as benign)
 */
public record MappedInteraction(Interaction interaction, String label) {
}
