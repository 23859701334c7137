/**
 * The embedded engine: drives detectors over account events and interactions in event time, applies the policy and
 * the cauterizer, keeps the table of decisions in force, and tells listeners about decisions and campaigns. Fed from
 * files (the retro-hunt, {@code iolaus analyze}) or, through {@link dev.iolaus.detect.engine.EngineQueue}, from an
 * in-process queue (the gateway).
 */
package dev.iolaus.detect.engine;
