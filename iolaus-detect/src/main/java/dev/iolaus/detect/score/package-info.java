/**
 * The benign baseline, the pooled two-sample content test, normal tail helpers, and the evidence sentences behind
 * every score.
 */
package dev.iolaus.detect.score;
