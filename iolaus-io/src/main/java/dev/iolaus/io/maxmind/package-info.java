/** IP intelligence from MaxMind DB files (ASN and Anonymous-IP databases) behind the core's IpIntel interface. */
package dev.iolaus.io.maxmind;
