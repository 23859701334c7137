package dev.iolaus.sim.scenario;

/**
 * Reserve accounts a campaign holds back to replace blocked ones.
 *
 * @param perBlock reserves activated per blocked account; they split its remaining planned work
 * @param pool reserve accounts as a multiple of the active accounts (the supply runs out)
 * @param mode {@code dormant}: created in the signup bursts before the campaign and idle until needed;
 *             {@code fresh}: sign up and add a card when activated
 * @param delayMinutes mean minutes between a block and the reserves' first request
 */
public record Reserves(Integer perBlock, Double pool, String mode, Double delayMinutes) {
    /** No reserves: a blocked account's work is lost. */
    public static final Reserves NONE = new Reserves(0, 0.0, null, null);

    public Reserves {
        perBlock = perBlock == null ? 0 : perBlock;
        pool = Population.nz(pool, perBlock);
        mode = mode == null ? "dormant" : mode;
        if (!mode.equals("dormant") && !mode.equals("fresh")) {
            throw new IllegalArgumentException("reserves mode '" + mode + "' (expected dormant or fresh)");
        }
        delayMinutes = Population.nz(delayMinutes, 30);
    }
}
