/**
 * The {@code iolaus} detector: features, fingerprints, graph and scores wired behind the {@code Detector} SPI, plus
 * the campaign-link queries the policy's cauterize rule uses. See {@code docs/detection.md}.
 */
package dev.iolaus.detect.iolaus;
