package dev.iolaus.detect.net;

/**
 * IP enrichment: address to ASN, organisation and anonymiser flags. Implementations load data by configured path
 * (CIDR lists and the ASN CSV here in the core, MaxMind DB files in {@code iolaus-io}).
 */
public interface IpIntel {

    /** Looks up an IPv4 or IPv6 address given as text; {@link IpInfo#UNKNOWN} when nothing is known or unparsable. */
    IpInfo lookup(String ip);

    /** True when some data is loaded; false means enrichment is skipped (and callers should say so). */
    default boolean configured() {
        return true;
    }

    /** No data: every lookup is unknown. */
    IpIntel NONE = new IpIntel() {
        @Override
        public IpInfo lookup(String ip) {
            return IpInfo.UNKNOWN;
        }

        @Override
        public boolean configured() {
            return false;
        }
    };
}
