/**
 * The cross-account graph as an incremental index of shared attribute values (postings), campaign discovery by
 * pooled content tests plus coordination in a second evidence family, and linking of new accounts to campaigns.
 */
package dev.iolaus.detect.graph;
