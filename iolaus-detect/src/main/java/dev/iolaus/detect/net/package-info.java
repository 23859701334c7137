/**
 * IP intelligence in pure Java: address parsing and network prefixes ({@link dev.iolaus.detect.net.IpAddresses}),
 * CIDR sets, the ASN table and ASN lists loaded from plain text files, composed by
 * {@link dev.iolaus.detect.net.FileIpIntel} behind the {@link dev.iolaus.detect.net.IpIntel} interface that
 * detectors receive. MaxMind DB files are read in {@code iolaus-io}, which may add file-format libraries.
 */
package dev.iolaus.detect.net;
