/**
 * Per-interaction features: cue families in seven languages scored by proximity, capability, template skeletons and
 * MinHash frame bands, request, client and network features, extracted once per call without per-token allocation.
 */
package dev.iolaus.detect.features;
