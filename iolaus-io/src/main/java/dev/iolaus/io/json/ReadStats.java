package dev.iolaus.io.json;

/**
 * What a read did: every non-blank line is either accepted or quarantined.
 *
 * @param read non-blank lines read
 * @param accepted lines turned into records
 * @param quarantined lines rejected (written to the quarantine with line number and reason)
 */
public record ReadStats(long read, long accepted, long quarantined) {
    /** Adds another file's counts. */
    public ReadStats plus(ReadStats o) {
        return new ReadStats(read + o.read, accepted + o.accepted, quarantined + o.quarantined);
    }

    /** {@code read N, accepted N, quarantined N}. */
    @Override
    public String toString() {
        return "read " + read + ", accepted " + accepted + ", quarantined " + quarantined;
    }
}
