/**
 * Baseline detectors that Iolaus is measured against: what a gateway or a per-account test catches on its own.
 *
 * <p>{@code rate-limit} (LiteLLM / Kong style per-account limits), {@code ip-reputation} (datacenter, VPN and Tor
 * addresses), {@code per-account-content} (a per-account distribution test with no pooling across accounts, in the
 * spirit of PRADA and MMD detectors) and {@code null} (the floor). The {@code oracle} ceiling reads the truth and so
 * lives in the evaluation harness. Everything here is event-time only.
 */
package dev.iolaus.detect.baseline;
