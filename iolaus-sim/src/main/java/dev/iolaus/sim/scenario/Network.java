package dev.iolaus.sim.scenario;

import java.util.Map;

/**
 * Where a population's requests come from.
 *
 * @param sources address sources and weights: {@code residential}, {@code mobile}, {@code corporate},
 *                {@code university}, {@code datacenter}
 * @param regions regions of the residential/mobile networks and weights: {@code us}, {@code eu}, {@code asia},
 *                {@code latam}; {@code local} = the account's own time zone region
 * @param ipsPerAccount distinct addresses one account uses (its home, phone, office)
 * @param sharedPool 0 = each account has its own addresses; N = the population shares a pool of N addresses
 *                   (a NAT, a corporate proxy, a residential proxy network)
 * @param rotate probability that a request goes out through a random pool address (proxy rotation)
 */
public record Network(Map<String, Double> sources, Map<String, Double> regions, Integer ipsPerAccount,
                      Integer sharedPool, Double rotate) {
    /** Home users on residential and mobile networks near them. */
    public static final Network DEFAULT = new Network(null, null, null, null, null);

    public Network {
        sources = sources == null || sources.isEmpty() ? Map.of("residential", 0.7, "mobile", 0.3) : Map.copyOf(sources);
        regions = regions == null || regions.isEmpty() ? Map.of("local", 1.0) : Map.copyOf(regions);
        ipsPerAccount = ipsPerAccount == null ? 2 : Math.max(1, ipsPerAccount);
        sharedPool = sharedPool == null ? 0 : sharedPool;
        rotate = Population.nz(rotate, 0);
    }
}
