/**
 * Per-account keyed state with bounded memory (counters, fixed arrays, small HyperLogLogs) and the behavioural
 * fingerprint derived from it.
 */
package dev.iolaus.detect.fingerprint;
