/**
 * The event model of Iolaus: immutable records for interactions, account lifecycle events, decisions and campaigns.
 *
 * <p>This module has no dependencies beyond the JDK so that every other module, including the pure detection core,
 * can share it. JSON encoding lives in {@code iolaus-io}; field names there are the snake_case forms of the
 * component names here, documented in {@code docs/events.md}.
 */
package dev.iolaus.model;
