package dev.iolaus.detect.fingerprint;

/**
 * A small HyperLogLog distinct counter over pre-hashed 64-bit values (Flajolet et al. 2007, with linear counting for
 * small cardinalities).
 *
 * <p>Hand-written because the detection core is dependency-free, and datasketches-java 9 (the maintained release)
 * needs Java 25 at runtime while Iolaus targets Java 21. With 64 registers (one byte each) the relative error is
 * about 13%: plenty to tell "one IP" from "hundreds of IPs", at 64 bytes per counter.
 */
public final class HyperLogLog {
    private final byte[] registers;
    private final int p;

    /** A counter with {@code 2^p} registers ({@code 4 <= p <= 16}). */
    public HyperLogLog(int p) {
        if (p < 4 || p > 16) {
            throw new IllegalArgumentException("p must be in [4, 16], was " + p);
        }
        this.p = p;
        this.registers = new byte[1 << p];
    }

    /** Adds a value given by its (well-mixed) 64-bit hash; returns true when a register changed. */
    public boolean add(long hash) {
        int idx = (int) (hash >>> (64 - p));
        int rank = Long.numberOfLeadingZeros((hash << p) | (1L << (p - 1))) + 1;
        if (rank > registers[idx]) {
            registers[idx] = (byte) rank;
            return true;
        }
        return false;
    }

    /** Estimated number of distinct values added. */
    public double estimate() {
        int m = registers.length;
        double sum = 0;
        int zeros = 0;
        for (byte r : registers) {
            sum += 1.0 / (1L << r);
            if (r == 0) {
                zeros++;
            }
        }
        double alpha = m == 16 ? 0.673 : m == 32 ? 0.697 : m == 64 ? 0.709 : 0.7213 / (1 + 1.079 / m);
        double e = alpha * m * m / sum;
        if (e <= 2.5 * m && zeros > 0) {
            e = m * Math.log((double) m / zeros);
        }
        return e;
    }

    /** Bytes of state. */
    public int bytes() {
        return registers.length + 16;
    }
}
