package dev.iolaus.detect.net;

/**
 * What IP intelligence says about one address.
 *
 * @param asn autonomous system number, 0 when unknown
 * @param org organisation of the AS, or null
 * @param datacenter in a hosting / datacenter range or AS
 * @param cloud in a public cloud provider's range
 * @param vpn in a commercial VPN exit range
 * @param tor a Tor exit node
 * @param residentialProxy flagged as a residential proxy exit (MaxMind Anonymous IP)
 */
public record IpInfo(int asn, String org, boolean datacenter, boolean cloud, boolean vpn, boolean tor,
                     boolean residentialProxy) {
    /** Nothing known. */
    public static final IpInfo UNKNOWN = new IpInfo(0, null, false, false, false, false, false);

    /** True when any anonymising or hosting flag is set. */
    public boolean anonymised() {
        return datacenter || cloud || vpn || tor || residentialProxy;
    }
}
