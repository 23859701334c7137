/**
 * Decisions: the policy that turns findings and campaigns into {@link dev.iolaus.model.Decision}s (ordered profiles
 * with filters, decisions with scope and TTL, shadow, escalation, as CrowdSec's {@code profiles.yaml}), and the
 * {@link dev.iolaus.detect.policy.Cauterizer} that keeps a blocked campaign's replacement accounts out.
 *
 * <p>Pure Java, event time only; the YAML form is read by {@code dev.iolaus.io.policy.PolicyLoader}
 * ({@code docs/policy.md}).
 */
package dev.iolaus.detect.policy;
